#include "cli/export_animation.hpp"

#include <unistd.h>

#include <atomic>
#include <cmath>
#include <memory>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "core/atomic_file.hpp"
#include "export/video_api.hpp"
#include "render/png_writer.hpp"
#include "render/render_target.hpp"
#include "render/scene_geometry.hpp"
#include "render/scene_frame.hpp"

namespace briefmap::cli {

namespace {

std::atomic<bool> g_interrupted{false};
void onInterrupt(int) { g_interrupted = true; }

// Ctrl+C sets a flag the frame loop checks; the previous handler comes back afterwards.
class InterruptGuard {
public:
    InterruptGuard() {
        g_interrupted = false;
        struct sigaction sa {};
        sa.sa_handler = onInterrupt;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &m_oldInt);
        sigaction(SIGTERM, &sa, &m_oldTerm);
    }
    ~InterruptGuard() {
        sigaction(SIGINT, &m_oldInt, nullptr);
        sigaction(SIGTERM, &m_oldTerm, nullptr);
    }

private:
    struct sigaction m_oldInt {}, m_oldTerm {};
};

// Frame buffers passed from the rendering thread to the writing thread and back: a fixed set,
// allocated once, so nothing is allocated per frame.
class FramePipe {
public:
    FramePipe(size_t slots, size_t bytes) : m_buffers(slots, std::vector<uint8_t>(bytes)) {
        for (size_t i = 0; i < slots; ++i) m_free.push_back(i);
    }
    std::vector<uint8_t>& buffer(size_t slot) { return m_buffers[slot]; }
    size_t takeFree() { return take(m_free); }
    void giveFree(size_t slot) { give(m_free, slot); }
    void giveFull(size_t slot) { give(m_full, slot); }
    // The next full slot; SIZE_MAX once closed and empty.
    size_t takeFull() { return take(m_full); }
    void close() {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }

private:
    size_t take(std::deque<size_t>& q) {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !q.empty() || (m_closed && &q == &m_full); });
        if (q.empty()) return SIZE_MAX;
        const size_t slot = q.front();
        q.pop_front();
        return slot;
    }
    void give(std::deque<size_t>& q, size_t slot) {
        std::lock_guard lock(m_mutex);
        q.push_back(slot);
        m_changed.notify_all();
    }
    std::vector<std::vector<uint8_t>> m_buffers;
    std::deque<size_t> m_free, m_full;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_closed = false;
};

class Progress {
public:
    Progress(int total, bool lines)
        : m_total(total), m_tty(::isatty(STDERR_FILENO)), m_lines(lines), m_start(std::chrono::steady_clock::now()) {}
    void update(int done) {
        if (m_lines) {  // for a program reading along (the window's Export video)
            std::fprintf(stderr, "progress %d %d\n", done, m_total);
            std::fflush(stderr);
            return;
        }
        if (!m_tty) return;
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
        const double fps = s > 0 ? done / s : 0;
        const int width = 30, filled = m_total ? done * width / m_total : width;
        std::fprintf(stderr, "\r[%.*s%*s] %d/%d frames  %.1f fps  %.0f s left ", filled, "##############################",
                     width - filled, "", done, m_total, fps, fps > 0 ? (m_total - done) / fps : 0.0);
        std::fflush(stderr);
    }
    void end() {
        if (m_tty && !m_lines) std::fprintf(stderr, "\n");
    }
    double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count(); }

private:
    int m_total;
    bool m_tty, m_lines;
    std::chrono::steady_clock::time_point m_start;
};

std::string frameName(int k) {
    char name[32];
    std::snprintf(name, sizeof name, "frame-%05d.png", k);
    return name;
}

}  // namespace

AnimationPlan clockPlan(const MapView& view, const render::MapStyle& style, const model::AnimationClock& clock, double windowDays) {
    AnimationPlan plan;
    plan.frames = clock.frameCount();
    plan.fps = clock.fps;
    plan.from = model::formatMoment(clock.from);
    plan.to = model::formatMoment(clock.to);
    plan.frameAt = [view, style, clock, windowDays](int k, AnimationFrame& out) {
        out.moment = clock.frameMoment(k);
        out.view = view;
        out.style = style;
        out.scene = render::animationFrame(clock, out.moment);
        out.scene.windowDays = windowDays;
    };
    return plan;
}

AnimationPlan tourPlan(const model::Tour& tour, const MapView& baseView, const render::MapStyle& style, int fps) {
    // The plan outlives the caller's tour: it keeps its own copy, which the timeline refers to.
    auto owned = std::make_shared<const model::Tour>(tour);
    auto timeline = std::make_shared<model::TourTimeline>(*owned, baseView.projection(), baseView.width(), baseView.height());
    // Each step's style, worked out once.
    auto styles = std::make_shared<std::vector<render::MapStyle>>();
    for (const model::TourStep& step : owned->steps) {
        render::MapStyle s = style;
        if (!step.layers.empty()) {
            std::string names;
            for (const std::string& l : step.layers) names += (names.empty() ? "" : ",") + l;
            if (Result<render::MapLayers> layers = parseLayers(names)) s.layers = *layers;
        }
        if (step.theme == "light") s.theme = render::ThemeName::Light;
        if (step.theme == "dark") s.theme = render::ThemeName::Dark;
        s.caption = step.caption;
        styles->push_back(std::move(s));
    }
    AnimationPlan plan;
    plan.fps = fps;
    plan.frames = std::max(1, static_cast<int>(std::lround(fps * timeline->durationSeconds())));
    plan.from = tour.title.empty() ? "the tour's first step" : "'" + tour.title + "'";
    plan.to = std::to_string(tour.steps.size()) + " steps";
    const double duration = timeline->durationSeconds();
    const int frames = plan.frames;
    plan.frameAt = [owned, timeline, styles, baseView, duration, frames](int k, AnimationFrame& out) {
        const double t = frames > 1 ? duration * k / (frames - 1) : 0;
        const model::TourFrame f = timeline->at(t);
        const model::TourStep& step = owned->steps[f.step];
        out.view = MapView(baseView.projection(), f.center, f.width / baseView.width(), baseView.width(), baseView.height())
                       .withFramebuffer(baseView.framebufferWidth(), baseView.framebufferHeight());
        out.style = (*styles)[f.step];
        out.moment = f.moment;
        out.scene = {};
        out.style.captionAlpha = static_cast<float>(f.captionAlpha);
        out.filter = model::stepFilter(step);
        out.scene.day = f.moment.day();
        out.scene.playing = true;
        const double spanDays = static_cast<double>(step.to.seconds - step.from.seconds) / 86400.0;
        out.scene.daysPerSecond = step.holdSeconds > 0 && spanDays > 0 ? spanDays / step.holdSeconds : 1;
        out.scene.motionSeconds = t;
    };
    return plan;
}

Status exportAnimationStill(render::MapRenderer& renderer, const AnimationFrame& frame, const std::string& path) {
    Result<render::RenderTarget> target = render::RenderTarget::create(frame.view.framebufferWidth(), frame.view.framebufferHeight());
    if (!target) return target.error();
    renderer.setBasemapCache(true);
    renderer.setFlowBackdrop(false);
    renderer.setSceneFrame(frame.scene);
    renderer.warmCache(frame.view, frame.style);
    target->bind();
    renderer.render(frame.view, frame.style, {}, true);
    std::vector<uint8_t> rgba;
    target->readRgba(rgba);
    return render::writePng(path, render::PixelRows{rgba.data(), frame.view.framebufferWidth(), frame.view.framebufferHeight(), 4, true});
}

int exportAnimation(render::MapRenderer& renderer, const AnimationPlan& plan, const AnimationOutputs& outputs,
                    const model::Briefing* briefing) {
    const auto fail = [](const std::string& message) {
        std::fprintf(stderr, "briefmap export: %s\n", message.c_str());
        return kExitFailure;
    };
    const AnimationFrame first = plan.frame(0);
    const int width = first.view.framebufferWidth(), height = first.view.framebufferHeight(), frames = plan.frames;
    std::optional<TemporaryOutput> videoFile, framesFolder;
    std::unique_ptr<video::VideoWriter> writer;
    if (outputs.video) {
        Result<const video::VideoApi*> api = video::videoApi();
        if (!api) return fail(api.error().message);
        Result<TemporaryOutput> tmp = TemporaryOutput::file(*outputs.video);
        if (!tmp) return fail(tmp.error().message);
        videoFile.emplace(std::move(*tmp));
        video::VideoSettings settings;
        settings.format = *video::videoFormatOf(*outputs.video);
        settings.width = width;
        settings.height = height;
        settings.fps = plan.fps;
        Result<std::unique_ptr<video::VideoWriter>> opened = (*api)->openWriter(videoFile->path(), settings);
        if (!opened) return fail(*outputs.video + ": " + opened.error().message);
        writer = std::move(*opened);
    }
    if (outputs.framesDir) {
        Result<TemporaryOutput> tmp = TemporaryOutput::folder(*outputs.framesDir);
        if (!tmp) return fail(tmp.error().message);
        framesFolder.emplace(std::move(*tmp));
    }
    Result<render::RenderTarget> target = render::RenderTarget::create(width, height);
    if (!target) return fail(target.error().message);
    target->bind();
    InterruptGuard interrupts;

    model::EventFilter applied;  // the renderer's scene was built with no filter
    // The window's base-map cache: the base map drawn once, then blitted, with settled flows kept on
    // it while time moves forward; the briefing layer is all that is drawn per frame.
    // (Not for a scaled layout: the cache keeps layout pixels.)
    const bool useCache = first.view.pixelRatio() == 1.0;
    renderer.setBasemapCache(useCache);
    renderer.setFlowBackdrop(false);
    AnimationFrame f;  // reused: no allocation per frame
    const auto renderAt = [&](int k, std::vector<uint8_t>& rgba) {
        plan.frameAt(k, f);
        if (briefing && !(f.filter == applied)) {  // a tour step narrows (or widens again) what is shown
            render::SceneGeometry geometry;
            geometry.build(*briefing, f.filter);
            renderer.setSceneGeometry(std::move(geometry));
            applied = f.filter;
        }
        renderer.setSceneFrame(f.scene);
        if (useCache) renderer.warmCache(f.view, f.style);
        renderer.render(f.view, f.style, {}, useCache);
        target->readRgba(rgba);
        target->bind();  // the cache renders into its own framebuffers
    };
    // A GIF's palette comes from up to 32 frames spread over the animation.
    if (writer && writer->wantsPaletteSamples()) {
        std::vector<uint8_t> sample;
        const int samples = std::min(frames, 32);
        for (int i = 0; i < samples && !g_interrupted; ++i) {
            renderAt(samples > 1 ? i * (frames - 1) / (samples - 1) : 0, sample);
            if (Status s = writer->addPaletteSample(sample.data(), true); !s) return fail(*outputs.video + ": " + s.error().message);
        }
    }

    FramePipe pipe(3, static_cast<size_t>(width) * height * 4);
    std::optional<std::string> writeError;
    std::thread writing([&] {
        for (int k = 0;; ++k) {
            const size_t slot = pipe.takeFull();
            if (slot == SIZE_MAX) return;
            const std::vector<uint8_t>& rgba = pipe.buffer(slot);
            if (!writeError && writer) {
                if (Status s = writer->addFrame(rgba.data(), true); !s) writeError = *outputs.video + ": " + s.error().message;
            }
            if (!writeError && framesFolder) {
                const std::string path = framesFolder->path() + "/" + frameName(k);
                if (Status s = render::writePng(path, render::PixelRows{rgba.data(), width, height, 4, true}); !s)
                    writeError = s.error().message;
            }
            pipe.giveFree(slot);
        }
    });
    Progress progress(frames, outputs.progressLines);
    int rendered = 0;
    for (; rendered < frames && !g_interrupted; ++rendered) {
        const size_t slot = pipe.takeFree();
        renderAt(rendered, pipe.buffer(slot));
        pipe.giveFull(slot);
        progress.update(rendered + 1);
    }
    pipe.close();
    writing.join();
    progress.end();
    if (g_interrupted) {
        fail("stopped at frame " + std::to_string(rendered) + " of " + std::to_string(frames) + "; nothing written");
        return kExitInterrupted;
    }
    if (writeError) return fail(*writeError);
    if (writer) {
        if (Status s = writer->finish(); !s) return fail(*outputs.video + ": " + s.error().message);
        writer.reset();
        if (Status s = videoFile->commit(); !s) return fail(s.error().message);
    }
    if (framesFolder) {
        nlohmann::json manifest = {{"fps", plan.fps}, {"from", plan.from}, {"to", plan.to},
                                   {"width", width}, {"height", height}, {"frames", nlohmann::json::array()}};
        for (int k = 0; k < frames; ++k) {
            const AnimationFrame shown = plan.frame(k);
            nlohmann::json entry = {{"file", frameName(k)}, {"time", model::formatMoment(shown.moment)}};
            if (!shown.style.caption.empty()) entry["caption"] = shown.style.caption;
            manifest["frames"].push_back(std::move(entry));
        }
        const std::string text = manifest.dump(1) + "\n";
        if (Status s = writeFileAtomically(framesFolder->path() + "/frames.json",
                                           {reinterpret_cast<const unsigned char*>(text.data()), text.size()});
            !s)
            return fail(s.error().message);
        if (Status s = framesFolder->commit(); !s) return fail(s.error().message);
    }
    const double seconds = progress.seconds();
    for (const std::optional<std::string>& out : {outputs.video, outputs.framesDir})
        if (out)
            std::printf("wrote %s %dx%d, %d frames at %d fps (%.2f s), %s to %s, in %.1f s (%.1f frames/s)\n", out->c_str(), width,
                        height, frames, plan.fps, frames / static_cast<double>(plan.fps), plan.from.c_str(), plan.to.c_str(), seconds,
                        frames / std::max(seconds, 1e-9));
    return kExitOk;
}

}  // namespace briefmap::cli
