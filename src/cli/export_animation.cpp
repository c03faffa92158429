#include "cli/export_animation.hpp"

#include <unistd.h>

#include <atomic>
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
    explicit Progress(int total) : m_total(total), m_tty(::isatty(STDERR_FILENO)), m_start(std::chrono::steady_clock::now()) {}
    void update(int done) {
        if (!m_tty) return;
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
        const double fps = s > 0 ? done / s : 0;
        const int width = 30, filled = m_total ? done * width / m_total : width;
        std::fprintf(stderr, "\r[%.*s%*s] %d/%d frames  %.1f fps  %.0f s left ", filled, "##############################",
                     width - filled, "", done, m_total, fps, fps > 0 ? (m_total - done) / fps : 0.0);
        std::fflush(stderr);
    }
    void end() {
        if (m_tty) std::fprintf(stderr, "\n");
    }
    double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count(); }

private:
    int m_total;
    bool m_tty;
    std::chrono::steady_clock::time_point m_start;
};

std::string frameName(int k) {
    char name[32];
    std::snprintf(name, sizeof name, "frame-%05d.png", k);
    return name;
}

}  // namespace

int exportAnimation(render::MapRenderer& renderer, const MapView& view, const render::MapStyle& style,
                    const model::AnimationClock& clock, const AnimationOutputs& outputs) {
    const auto fail = [](const std::string& message) {
        std::fprintf(stderr, "briefmap export: %s\n", message.c_str());
        return kExitFailure;
    };
    const int width = view.width(), height = view.height(), frames = clock.frameCount();
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
        settings.fps = clock.fps;
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

    const auto renderAt = [&](model::Moment m, std::vector<uint8_t>& rgba) {
        renderer.setSceneFrame(render::animationFrame(clock, m));
        renderer.render(view, style, {}, false);
        target->readRgba(rgba);
    };
    // A GIF's palette comes from up to 32 frames spread over the animation.
    if (writer && writer->wantsPaletteSamples()) {
        std::vector<uint8_t> sample;
        const int samples = std::min(frames, 32);
        for (int i = 0; i < samples && !g_interrupted; ++i) {
            renderAt(clock.frameMoment(samples > 1 ? i * (frames - 1) / (samples - 1) : 0), sample);
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
    Progress progress(frames);
    int rendered = 0;
    for (; rendered < frames && !g_interrupted; ++rendered) {
        const size_t slot = pipe.takeFree();
        renderAt(clock.frameMoment(rendered), pipe.buffer(slot));
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
        nlohmann::json manifest = {{"fps", clock.fps}, {"duration_seconds", clock.durationSeconds},
                                   {"from", model::formatMoment(clock.from)}, {"to", model::formatMoment(clock.to)},
                                   {"width", width}, {"height", height}, {"frames", nlohmann::json::array()}};
        for (int k = 0; k < frames; ++k)
            manifest["frames"].push_back({{"file", frameName(k)}, {"time", model::formatMoment(clock.frameMoment(k))}});
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
                        height, frames, clock.fps, frames / static_cast<double>(clock.fps), model::formatMoment(clock.from).c_str(),
                        model::formatMoment(clock.to).c_str(), seconds, frames / std::max(seconds, 1e-9));
    return kExitOk;
}

}  // namespace briefmap::cli
