// Entry point: a subcommand (export, …) runs headless; otherwise the interactive window opens.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "cli/import_flags.hpp"
#include "core/atomic_file.hpp"
#include "core/huge_page_malloc.hpp"
#include "geo/basemap.hpp"
#include "model/article_mentions.hpp"
#include "model/briefing_loader.hpp"
#include "store/store_source.hpp"
#include "ui/app.hpp"

#if defined(__SANITIZE_ADDRESS__)
// Under BRIEFMAP_SANITIZE, Xlib/GLX (the window) leak a few kilobytes at exit from code that is
// unloaded before LeakSanitizer can name it, so no suppression can match. Leak checking stays on in
// briefmap-tests, which runs the same core, geo and render code (headless EGL included) in-process.
extern "C" const char* __lsan_default_options() { return "detect_leaks=0"; }
#endif

namespace {

void printUsage() {
    std::printf("usage: briefmap [--data FILE] [--articles FILE.txt|DIR[,...]] [--time YYYY-MM-DD] [--frames N]\n"
                "                [--screenshot FILE.png] [--size WxH] [--scale S] [--theme dark|light] [--window DAYS] [--cluster]\n"
                "                [--size-by events|quantity]\n"
                "                [--geodata DIR] [--timing] [--trace]\n"
                "                [--import DATAFILE] [--tour TOUR.json] %s\n"
                "       (no --data: the seed briefing, assets/briefings/russia-dprk-2019-2025.json;\n"
                "        no --articles: the places its own articles name)\n%s\n"
                "       briefmap COMMAND [flags]   (COMMAND --help for its flags)\n\ncommands:\n",
                briefmap::cli::kImportFlagsSynopsis, briefmap::cli::kImportFlagsHelp);
    for (const auto& c : briefmap::cli::commands()) std::printf("  %-10s %s\n", c.name, c.summary);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace briefmap;
    cli::markProcessStart();
    std::vector<std::string> args(argv + 1, argv + argc);
    // The window and export fill big framebuffers and pixel buffers: see huge_page_malloc.hpp (the
    // window's first frame comes ~200 ms sooner, a 4K export ~300 ms). Returns when not re-executed.
    const bool window = args.empty() || args[0].rfind("--", 0) == 0;
    if (window || args[0] == "export") reexecWithHugePageMalloc(argv, cli::processStartNs());
    store::registerStoreDataSource();  // --data PG:… opens the event store
    if (!args.empty() && args[0].rfind("--", 0) != 0) {
        const cli::Command* command = cli::findCommand(args[0]);
        if (!command) {
            std::fprintf(stderr, "briefmap: unknown command '%s'\n", args[0].c_str());
            printUsage();
            return cli::kExitUsage;
        }
        return command->run(std::vector<std::string>(args.begin() + 1, args.end()));
    }
    Result<cli::Flags> flags = cli::Flags::parse(args, {"--frames", "--screenshot", "--geodata", "--size", "--scale", "--theme", "--window", "--data", "--time", "--articles", "--columns", "--import", "--article-root", "--tour", "--size-by"},
                                                  {"--timing", "--trace", "--strict", "--help", "--cluster"});
    if (!flags) {
        std::fprintf(stderr, "briefmap: %s\n", flags.error().message.c_str());
        printUsage();
        return cli::kExitUsage;
    }
    if (flags->has("--help")) {
        printUsage();
        return cli::kExitOk;
    }
    if (!flags->positional().empty()) {
        std::fprintf(stderr, "briefmap: unexpected argument '%s'\n", flags->positional().front().c_str());
        return cli::kExitUsage;
    }
    ui::AppOptions options;
    options.geodataDir = flags->get("--geodata").value_or(geo::defaultGeodataDir());
    options.timing = flags->has("--timing");
    options.trace = flags->has("--trace");
    options.dataPath = flags->get("--data").value_or(model::defaultBriefingPath());
    Result<model::ImportOptions> importOptions = cli::importOptions(*flags);
    if (!importOptions) {
        std::fprintf(stderr, "briefmap: %s\n", importOptions.error().message.c_str());
        return cli::kExitUsage;
    }
    options.importOptions = std::move(*importOptions);
    options.importPath = flags->get("--import").value_or("");
    options.tourPath = flags->get("--tour").value_or("");
    if (auto a = flags->get("--articles")) {
        options.articlePaths = model::splitPathList(*a);
        if (options.articlePaths.empty()) {
            std::fprintf(stderr, "briefmap: --articles: no path given\n");
            return cli::kExitUsage;
        }
    }
    if (auto t = flags->get("--time")) {
        Result<model::PartialDate> d = model::parsePartialDate(*t);
        if (!d || !d->day) {
            std::fprintf(stderr, "briefmap: --time: expected YYYY-MM-DD, got '%s'\n", t->c_str());
            return cli::kExitUsage;
        }
        options.day = d->firstDay();
    }
    options.screenshotPath = flags->get("--screenshot").value_or("");
    if (!options.screenshotPath.empty()) {
        if (briefmap::Status ok = briefmap::checkOutputPath(options.screenshotPath); !ok) {
            std::fprintf(stderr, "briefmap: --screenshot: %s\n", ok.error().message.c_str());
            return cli::kExitUsage;
        }
    }
    if (auto frames = flags->get("--frames")) {
        char* end = nullptr;
        const long n = std::strtol(frames->c_str(), &end, 10);
        if (frames->empty() || *end != '\0' || n < 1 || n > 1'000'000) {
            std::fprintf(stderr, "briefmap: --frames: expected a positive count, got '%s'\n", frames->c_str());
            return cli::kExitUsage;
        }
        options.frames = static_cast<int>(n);
    }
    if (!options.screenshotPath.empty() && options.frames == 0) options.frames = 2;
    if (auto size = flags->get("--size")) {
        Result<std::pair<int, int>> parsed = cli::parseSize(*size);
        if (!parsed) {
            std::fprintf(stderr, "briefmap: --size: %s\n", parsed.error().message.c_str());
            return cli::kExitUsage;
        }
        std::tie(options.width, options.height) = parsed.value();
    }
    if (auto w = flags->get("--window")) {
        Result<double> days = cli::parseWindowDays(*w);
        if (!days) {
            std::fprintf(stderr, "briefmap: --window: %s\n", days.error().message.c_str());
            return cli::kExitUsage;
        }
        options.windowDays = *days;
    }
    options.clusterMarkers = flags->has("--cluster");
    if (auto by = flags->get("--size-by")) {
        if (*by != "events" && *by != "quantity") {
            std::fprintf(stderr, "briefmap: --size-by: expected events or quantity, got '%s'\n", by->c_str());
            return cli::kExitUsage;
        }
        options.sizeByQuantity = *by == "quantity";
    }
    if (auto theme = flags->get("--theme")) {
        std::optional<render::ThemeName> parsed = render::parseThemeName(*theme);
        if (!parsed) {
            std::fprintf(stderr, "briefmap: --theme: expected dark or light, got '%s'\n", theme->c_str());
            return cli::kExitUsage;
        }
        options.theme = *parsed;
    }
    if (auto scale = flags->get("--scale")) {
        Result<double> parsed = cli::parseScale(*scale);
        if (!parsed) {
            std::fprintf(stderr, "briefmap: --scale: %s\n", parsed.error().message.c_str());
            return cli::kExitUsage;
        }
        options.mapScale = *parsed;
    }
    return ui::runApp(options);
}
