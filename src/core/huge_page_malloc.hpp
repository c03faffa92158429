// Transparent huge pages for big heap blocks, the whole process included (Mesa's framebuffers too).
#pragma once

namespace briefmap {

// When the kernel hands out transparent huge pages only on request ("madvise" mode, as on these
// machines) and glibc can be asked to request them for its big blocks (glibc.malloc.hugetlb=1, glibc
// 2.35+), re-executes this program once with that tunable set; otherwise, or if the exec fails,
// returns and the process goes on as it is. Why: a 4K export first-touches ~100 MB (Mesa's colour and
// stencil buffers, its bins, the read-back pixels, PNG output); with 4 KB pages each fault costs a
// VM exit, ~2.5 ms per MB measured here (300 ms of a 1.3 s export), and 512 times fewer with 2 MB
// pages. glibc reads tunables only at start, hence the exec (~15 ms); BRIEFMAP_HUGE_PAGES=0 opts out.
// `startNs` (the first start) is handed on in BRIEFMAP_REEXEC_START_NS so timings count the exec too.
void reexecWithHugePageMalloc(char** argv, double startNs);

}  // namespace briefmap
