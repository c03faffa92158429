// `export --video` and `--frames-dir` as a presenter uses them: files that decode with the right
// codec, frame count and duration; frames that are the stills `export --time` draws at the same
// moments (pixel-identical as PNG, ≥ 40 dB PSNR after H.264); bad flags and Ctrl+C leave nothing.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/read_file.hpp"
#include "export/video_api.hpp"
#include "model/tour.hpp"
#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

namespace {

// The animation every case shares: the Kursk deployment months, short. Video at a presentation
// size: at 320x180 thin coloured lines are a larger share of the picture and 4:2:0 colour alone
// caps H.264 near 38 dB; at 1280x720 it reaches 40.8 dB.
const std::vector<std::string> kClock = {"--from", "2024-06-01", "--to", "2024-12-01", "--duration", "1", "--fps", "10"};
const std::vector<std::string> kSmall = {"--size", "320x180"};
const std::vector<std::string> kVideoSize = {"--size", "1280x720"};

std::vector<std::string> with(std::vector<std::string> head, const std::vector<std::string>& tail) {
    head.insert(head.end(), tail.begin(), tail.end());
    return head;
}

double psnr(const uint8_t* a, const uint8_t* b, size_t n) {
    double sum = 0;
    for (size_t i = 0; i < n; ++i) {
        const double d = static_cast<double>(a[i]) - b[i];
        sum += d * d;
    }
    const double mse = sum / static_cast<double>(n);
    return mse == 0 ? 99.0 : 10.0 * std::log10(255.0 * 255.0 / mse);
}

// PSNR of luma alone (BT.709): what the encoder keeps. 4:2:0 video stores colour at half resolution,
// so thin saturated lines (a magenta flow one or two pixels wide) lose colour by the format itself,
// whatever the quality: RGB PSNR measures that too.
double lumaPsnr(const uint8_t* a, const uint8_t* b, size_t n) {
    double sum = 0;
    for (size_t i = 0; i + 2 < n; i += 3) {
        const double ya = 0.2126 * a[i] + 0.7152 * a[i + 1] + 0.0722 * a[i + 2];
        const double yb = 0.2126 * b[i] + 0.7152 * b[i + 1] + 0.0722 * b[i + 2];
        sum += (ya - yb) * (ya - yb);
    }
    const double mse = sum / static_cast<double>(n / 3);
    return mse == 0 ? 99.0 : 10.0 * std::log10(255.0 * 255.0 / mse);
}

const video::VideoApi& api() {
    static const video::VideoApi* loaded = [] {
        Result<const video::VideoApi*> a = video::videoApi();
        REQUIRE_MESSAGE(a, a.error().message);
        return *a;
    }();
    return *loaded;
}

// The still `export --time` draws at `time` with the animation's flags, as RGB.
test::Image still(const fs::path& dir, const std::string& time, const std::vector<std::string>& size) {
    const std::string png = (dir / ("still-" + time.substr(0, 10) + ".png")).string();
    const auto run = test::runBriefmap(with(with({"export", "--out", png, "--time", time}, kClock), size));
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    test::Image image;
    REQUIRE(test::readPng(png, image));
    return image;
}

}  // namespace

TEST_CASE("export --video: MP4 (H.264), WebM (VP9) and GIF decode to the frames export --time draws") {
    const fs::path dir = test::makeTempDir("briefmap-video");
    struct Case {
        const char* file;
        const char* codec;
        double minPsnr;      // RGB
        double minLumaPsnr;  // brightness alone: the encoder's own fidelity
    };
    // GIF: 256 colours, ordered dithering; the map's flat colours survive, gradients are dithered.
    for (const Case c : {Case{"a.mp4", "h264", 38, 46}, Case{"a.webm", "vp9", 38, 46}, Case{"a.gif", "gif", 35, 35}}) {
        const std::string name = c.file;
        CAPTURE(name);
        const std::string out = (dir / c.file).string();
        const auto run = test::runBriefmap(with(with({"export", "--video", out}, kClock), kVideoSize));
        REQUIRE_MESSAGE(run.exitCode == 0, run.output);
        CHECK(run.output.find("10 frames at 10 fps") != std::string::npos);
        Result<video::VideoProbe> probe = api().probe(out);
        REQUIRE_MESSAGE(probe, probe.error().message);
        CHECK(probe->codec == c.codec);
        CHECK(probe->width == 1280);
        CHECK(probe->height == 720);
        CHECK(probe->frames == 10);
        CHECK(probe->durationSeconds == doctest::Approx(1.0).epsilon(0.12));
        // Frame 4 of 10 is at 2024-06-01T12:00 + 183 days · 4/9 = 2024-08-21T12:00:00.
        const test::Image expected = still(dir, "2024-08-21T12:00:00", kVideoSize);
        double measured = 0, luma = 0;
        Status decoded = api().decodeFrames(out, [&](int index, const uint8_t* rgb, int w, int h) {
            if (index != 4) return true;
            REQUIRE(w == expected.width);
            REQUIRE(h == expected.height);
            measured = psnr(rgb, expected.rgb.data(), expected.rgb.size());
            luma = lumaPsnr(rgb, expected.rgb.data(), expected.rgb.size());
            return false;
        });
        REQUIRE_MESSAGE(decoded, decoded.error().message);
        MESSAGE(name << ": frame 4 against the still: " << measured << " dB PSNR, luma " << luma << " dB");
        CHECK(measured >= c.minPsnr);
        CHECK(luma >= c.minLumaPsnr);
    }
    fs::remove_all(dir);
}

TEST_CASE("export --frames-dir: PNG frames pixel-identical to export --time at each frame's moment, and a manifest") {
    const fs::path dir = test::makeTempDir("briefmap-frames");
    const std::string frames = (dir / "frames").string();
    const auto run = test::runBriefmap(with(with({"export", "--frames-dir", frames}, kClock), kSmall));
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    const auto manifest = nlohmann::json::parse(readWholeFile(frames + "/frames.json", 1 << 20).value());
    REQUIRE(manifest["frames"].size() == 10);
    CHECK(manifest["frames"][0]["time"] == "2024-06-01T12:00:00");
    CHECK(manifest["frames"][9]["time"] == "2024-12-01T12:00:00");
    for (int k : {0, 3, 9}) {
        const std::string time = manifest["frames"][k]["time"];
        const std::string png = (dir / "still.png").string();
        const auto again = test::runBriefmap(with(with({"export", "--out", png, "--time", time}, kClock), kSmall));
        REQUIRE_MESSAGE(again.exitCode == 0, again.output);
        CHECK_MESSAGE(readWholeFile(png, 1 << 24).value() ==
                          readWholeFile(frames + "/" + manifest["frames"][k]["file"].get<std::string>(), 1 << 24).value(),
                      "frame " << k << " at " << time);
    }
    fs::remove_all(dir);
}

TEST_CASE("export animation: bad flags get one line and exit 2, and nothing is written") {
    const fs::path dir = test::makeTempDir("briefmap-video-bad");
    const std::string mp4 = (dir / "x.mp4").string();
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"export", "--video", mp4, "--fps", "0"}, "--fps"},
        {{"export", "--video", mp4, "--duration", "-2"}, "--duration"},
        {{"export", "--video", mp4, "--duration", "0"}, "--duration"},
        {{"export", "--video", mp4, "--from", "2024-06-01", "--to", "2024-01-01"}, "is before --from"},
        {{"export", "--video", mp4, "--from", "2024-02-30"}, "no such day"},
        {{"export", "--video", mp4, "--from", "2024-02-03T25:00"}, "no such time"},
        {{"export", "--video", (dir / "x.avi").string()}, "unknown extension"},
        {{"export", "--video", mp4, "--size", "641x360"}, "even width and height"},
        {{"export", "--video", mp4, "--size", "7680x4320"}, "at most 3840x2160"},
        {{"export", "--frames-dir", (dir / "f").string(), "--size", "8000x4000"}, "at most 7680x4320"},
        {{"export", "--video", mp4, "--out", (dir / "x.png").string()}, "choose one"},
        {{"export", "--out", (dir / "x.png").string(), "--fps", "10"}, "add --video"},
        {{"export", "--video", mp4, "--time", "2024-06-01"}, "--time draws one still"},
    };
    for (const auto& [args, words] : cases) {
        CAPTURE(words);
        const auto run = test::runBriefmap(args);
        CHECK_MESSAGE(run.exitCode == 2, run.output);
        CHECK_MESSAGE(run.output.find(words) != std::string::npos, run.output);
        CHECK(fs::is_empty(dir));
    }
    fs::remove_all(dir);
}

TEST_CASE("export --video: Ctrl+C stops cleanly and leaves no file and no temporary") {
    const fs::path dir = test::makeTempDir("briefmap-video-stop");
    const std::string mp4 = (dir / "long.mp4").string();
    // 3,000 frames take far longer than the 2 s before the interrupt.
    const auto run = test::runProgram({"timeout", "--preserve-status", "-s", "INT", "2", BRIEFMAP_BINARY, "export", "--video",
                                       mp4, "--duration", "100", "--fps", "30", "--size", "320x180"});
    CHECK_MESSAGE(run.exitCode == 130, run.output);
    CHECK(run.output.find("nothing written") != std::string::npos);
    CHECK(fs::is_empty(dir));
    fs::remove_all(dir);
}

TEST_CASE("export --tour: the seed tour as a video and as frames, every step's caption shown, bad tours refused") {
    const fs::path dir = test::makeTempDir("briefmap-tour");
    const std::string tour = std::string(BRIEFMAP_SOURCE_DIR) + "/assets/briefings/russia-dprk-2019-2025.tour.json";
    const model::LoadedTour loaded = model::loadTourFile(tour);
    REQUIRE(loaded.ok());
    const model::TourTimeline timeline(loaded.tour, Projection::Mercator, 320, 180);
    const int expectedFrames = static_cast<int>(std::lround(2 * timeline.durationSeconds()));

    const std::string mp4 = (dir / "tour.mp4").string();
    const auto video = test::runBriefmap({"export", "--video", mp4, "--tour", tour, "--fps", "2", "--size", "320x180"});
    REQUIRE_MESSAGE(video.exitCode == 0, video.output);
    Result<video::VideoProbe> probe = api().probe(mp4);
    REQUIRE(probe);
    CHECK(probe->frames == expectedFrames);
    CHECK(probe->durationSeconds == doctest::Approx(timeline.durationSeconds()).epsilon(0.05));

    const std::string frames = (dir / "frames").string();
    const auto run = test::runBriefmap({"export", "--frames-dir", frames, "--tour", tour, "--fps", "2", "--size", "320x180"});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    const auto manifest = nlohmann::json::parse(readWholeFile(frames + "/frames.json", 1 << 20).value());
    REQUIRE(manifest["frames"].size() == static_cast<size_t>(expectedFrames));
    std::set<std::string> captions;
    for (const auto& f : manifest["frames"])
        if (f.contains("caption")) captions.insert(f["caption"].get<std::string>());
    CHECK(captions.size() == loaded.tour.steps.size());
    CHECK(manifest["frames"][0]["time"] == model::formatMoment(loaded.tour.steps.front().from));
    CHECK(manifest["frames"].back()["time"] == model::formatMoment(loaded.tour.steps.back().to));
    fs::remove_all(dir / "frames");

    const std::string badTour = (dir / "bad.tour.json").string();
    test::writeTextFile(badTour, R"({"format": "briefmap-tour/1", "steps": [{"time": "2024-13-01", "view": {"bbox": [0, 0, 1, 1]}}]})");
    const auto bad = test::runBriefmap({"export", "--video", (dir / "x.mp4").string(), "--tour", badTour});
    CHECK(bad.exitCode == 1);
    CHECK(bad.output.find(badTour + ":1:50: steps[0].time") != std::string::npos);
    const auto clash = test::runBriefmap({"export", "--video", (dir / "x.mp4").string(), "--tour", tour, "--from", "2024-01-01"});
    CHECK(clash.exitCode == 2);
    CHECK_FALSE(fs::exists(dir / "x.mp4"));
    fs::remove_all(dir);
}

TEST_CASE("tour captions are drawn on the map, in the lower third") {
    const fs::path dir = test::makeTempDir("briefmap-caption");
    const auto render = [&](const std::string& caption) {
        const std::string tour = (dir / "t.json").string();
        test::writeTextFile(tour, R"({"format": "briefmap-tour/1", "steps": [{"caption": ")" + caption +
                                      R"(", "time": "2024-06-19", "view": {"bbox": [20, 33, 148, 60]}, "hold": 1}]})");
        const std::string frames = (dir / ("f" + std::to_string(caption.size()))).string();
        const auto run = test::runBriefmap({"export", "--frames-dir", frames, "--tour", tour, "--fps", "1", "--size", "640x360"});
        REQUIRE_MESSAGE(run.exitCode == 0, run.output);
        test::Image image;
        REQUIRE(test::readPng(frames + "/frame-00000.png", image));
        return image;
    };
    const test::Image with = render("Putin in Pyongyang: a treaty of mutual defence"), without = render("");
    size_t top = 0, bottom = 0;
    for (int y = 0; y < with.height; ++y)
        for (int x = 0; x < with.width; ++x)
            if (std::memcmp(with.at(x, y), without.at(x, y), 3) != 0) ++(y < with.height * 2 / 3 ? top : bottom);
    CHECK(top == 0);
    CHECK(bottom > 2000);  // a box of text
    fs::remove_all(dir);
}

TEST_CASE("a tour step's filters narrow what the frames draw") {
    const fs::path dir = test::makeTempDir("briefmap-tour-filter");
    const auto render = [&](const std::string& filters) {
        const std::string tour = (dir / "t.json").string();
        test::writeTextFile(tour, R"({"format": "briefmap-tour/1", "steps": [{"time": "2024-12-01", "view": {"bbox": [20, 33, 148, 60]},
                                      "hold": 1)" + filters + "}]}");
        const std::string frames = (dir / ("f" + std::to_string(filters.size()))).string();
        const auto run = test::runBriefmap({"export", "--frames-dir", frames, "--tour", tour, "--fps", "1", "--size", "480x270"});
        REQUIRE_MESSAGE(run.exitCode == 0, run.output);
        return readWholeFile(frames + "/frame-00000.png", 1 << 24).value();
    };
    const std::string all = render(""), troops = render(R"(, "filters": {"kinds": ["troop_deployment"]})");
    CHECK(all != troops);
    CHECK(render(R"(, "filters": {"kinds": []})") == all);  // naming no kind filters nothing
    fs::remove_all(dir);
}

TEST_CASE("export --video killed with SIGKILL: no video appears, and the next export removes the leftover temporary") {
    const fs::path dir = test::makeTempDir("briefmap-video-kill");
    const std::string mp4 = (dir / "talk.mp4").string();
    const auto killed = test::runProgram({"timeout", "-s", "KILL", "2", BRIEFMAP_BINARY, "export", "--video", mp4, "--duration", "100",
                                          "--size", "320x180"});
    CHECK(killed.exitCode == 128 + 9);
    CHECK_FALSE(fs::exists(mp4));
    size_t leftovers = 0;
    for (const auto& e : fs::directory_iterator(dir)) leftovers += e.path().filename().string().rfind("talk.mp4.tmp-", 0) == 0;
    CHECK(leftovers == 1);  // what kill -9 leaves: a temporary, never a partial talk.mp4
    const auto again = test::runBriefmap(with(with({"export", "--video", mp4}, kClock), kSmall));
    REQUIRE_MESSAGE(again.exitCode == 0, again.output);
    size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
    CHECK(files == 1);  // talk.mp4 alone
    Result<video::VideoProbe> probe = api().probe(mp4);
    REQUIRE(probe);
    CHECK(probe->frames == 10);
    fs::remove_all(dir);
}
