#include "core/huge_page_malloc.hpp"

#include <gnu/libc-version.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

namespace briefmap {

namespace {

constexpr const char* kTunable = "glibc.malloc.hugetlb=1";

bool kernelGivesHugePagesOnRequest() {
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string modes;
    std::getline(in, modes);
    return modes.find("[madvise]") != std::string::npos;
}

bool glibcHasHugePageTunable() {
    int major = 0, minor = 0;
    return std::sscanf(gnu_get_libc_version(), "%d.%d", &major, &minor) == 2 && (major > 2 || (major == 2 && minor >= 35));
}

}  // namespace

void reexecWithHugePageMalloc(char** argv, double startNs) {
    if (const char* optOut = std::getenv("BRIEFMAP_HUGE_PAGES"); optOut && std::strcmp(optOut, "0") == 0) return;
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    if (tunables && std::strstr(tunables, "glibc.malloc.hugetlb")) return;  // set already (or by us: no loop)
    if (!glibcHasHugePageTunable() || !kernelGivesHugePagesOnRequest()) return;
    const std::string value = tunables && *tunables ? std::string(tunables) + ":" + kTunable : kTunable;
    setenv("GLIBC_TUNABLES", value.c_str(), 1);
    setenv("BRIEFMAP_REEXEC_START_NS", std::to_string(startNs).c_str(), 1);
    execv("/proc/self/exe", argv);
    // Not re-executed (no /proc, say): go on with ordinary pages, leaving the environment as it was.
    if (tunables) setenv("GLIBC_TUNABLES", tunables, 1);
    else unsetenv("GLIBC_TUNABLES");
    unsetenv("BRIEFMAP_REEXEC_START_NS");
}

}  // namespace briefmap
