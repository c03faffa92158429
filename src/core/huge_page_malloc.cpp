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
    const char* set = std::getenv("GLIBC_TUNABLES");
    const std::string tunables = set ? set : "";  // copied: setenv may replace what getenv pointed at
    if (tunables.find("glibc.malloc.hugetlb") != std::string::npos) return;  // set already (or by us: no loop)
    if (!glibcHasHugePageTunable() || !kernelGivesHugePagesOnRequest()) return;
    setenv("GLIBC_TUNABLES", (tunables.empty() ? std::string(kTunable) : tunables + ":" + kTunable).c_str(), 1);
    setenv("BRIEFMAP_REEXEC_START_NS", std::to_string(startNs).c_str(), 1);
    execv("/proc/self/exe", argv);
    // Not re-executed (no /proc, say): go on with ordinary pages, leaving the environment as it was.
    if (set) setenv("GLIBC_TUNABLES", tunables.c_str(), 1);
    else unsetenv("GLIBC_TUNABLES");
    unsetenv("BRIEFMAP_REEXEC_START_NS");
}

}  // namespace briefmap
