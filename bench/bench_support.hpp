// Helpers shared by the benchmarks (bench_main.cpp defines them).
#pragma once
#include <chrono>
#include <string>
#include <vector>

namespace briefmap::bench {

double msSince(std::chrono::steady_clock::time_point t);
double median(std::vector<double> v);
double percentile(std::vector<double> v, double p);
std::string siblingBinary(const char* name);
// Wall time of a child process from spawn to exit (ms, -1 on failure); its stdout into `output`.
double runChild(const std::vector<std::string>& args, std::string* output = nullptr);

int benchLoad(size_t csvRows);
int benchRender(size_t stressEvents = 100000, size_t stressFlows = 10000);
int benchExtract();
int benchDraft(bool printMisses);
int benchVideo();
int benchPng();
// Runs bench/qgis/compare.py with this build's briefmap; `args` (null-terminated) are passed on.
int benchQgis(char** args);
int benchStore(size_t events);

}  // namespace briefmap::bench
