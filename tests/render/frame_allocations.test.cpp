// While time plays, a frame changes uniforms, places labels and lays the date out again, but
// allocates nothing: this binary counts every C++ allocation (the GL driver is C and allocates with
// malloc, which is not counted), so any container or string our render path builds per frame fails it.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "model/timeline.hpp"
#include "render/map_renderer.hpp"
#include "test_support.hpp"

// Every replaceable form goes to malloc/free, so whatever pairs a library uses match (AddressSanitizer
// checks that new is not freed with free()).
namespace {
std::atomic<long> g_allocations{0};
void* counted(std::size_t size) noexcept {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(size == 0 ? 1 : size);
}
}  // namespace

void* operator new(std::size_t size) {
    if (void* p = counted(size)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
    if (void* p = counted(size)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return counted(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return counted(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

using namespace briefmap;

TEST_CASE("frames allocate nothing while time plays or the map is dragged (window configuration, seed briefing)") {
    test::HeadlessMap map(960, 540);
    render::MapRenderer& renderer = map.renderer;
    test::setSeedScene(renderer);
    renderer.setBasemapCache(true);
    MapView view = MapView::fitBounds(Projection::Mercator, kDefaultBriefingBounds, 960, 540);
    const render::MapStyle style;
    renderer.warmCache(view, style);
    const std::vector<render::ScreenBox> panels{{0, 440, 960, 540}};  // the time panel, as in the window

    const model::TimeRange range = model::timeRangeOf(test::seedBriefing());
    render::SceneFrame frame;
    frame.playing = true;
    frame.daysPerSecond = 30;
    const auto play = [&](int frames, double from, double to) {
        for (int i = 0; i < frames; ++i) {
            frame.day = from + (to - from) * i / frames;
            frame.motionSeconds += 1.0 / 60;
            renderer.setSceneFrame(frame);
            renderer.render(view, style, panels);
        }
    };
    // The first pass over the range sizes every buffer (labels placed, flows settled, longest date).
    play(120, range.first, range.last);
    long before = g_allocations.load();
    play(240, range.first, range.last);
    CHECK(g_allocations.load() - before == 0);

    // A drag there and back that leaves the base-map cache's margin (strips, the flows' backdrop moved).
    const auto drag = [&](int frames, int dx) {
        for (int i = 0; i < frames; ++i) {
            view.panPixels(dx, 0);
            renderer.render(view, style, panels);
        }
    };
    drag(60, 9);
    drag(60, -9);
    before = g_allocations.load();
    drag(60, 9);
    drag(60, -9);
    CHECK(g_allocations.load() - before == 0);
}
