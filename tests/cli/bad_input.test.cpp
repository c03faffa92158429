// The bad-input corpus (tests/fixtures/bad/, made by scripts/make-bad-corpus.py) through every
// command that reads such a file: the exit code listed in expected.tsv, a line that names the file
// and says why, and an output file only when the command succeeds. Run under `make sanitize` too,
// where any memory error or undefined behaviour fails it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

namespace {

struct Expectation {
    std::string file;
    int exit = 0, extractExit = -1;
    std::string words;  // "-": none required
};

std::vector<Expectation> readExpectations(const fs::path& tsv) {
    std::vector<Expectation> out;
    std::ifstream in(tsv);
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        Expectation e;
        std::string exit, extract;
        std::getline(fields, e.file, '\t');
        std::getline(fields, exit, '\t');
        std::getline(fields, extract, '\t');
        std::getline(fields, e.words);
        e.exit = std::stoi(exit);
        e.extractExit = extract == "-" ? -1 : std::stoi(extract);
        out.push_back(e);
    }
    return out;
}

// The run's lines that name `file` (as given on the command line).
bool namesFile(const std::string& output, const std::string& file) { return output.find(file) != std::string::npos; }

}  // namespace

TEST_CASE("bad input: every command refuses or reads each corpus file as listed, names it, and leaves no output on failure") {
    const fs::path bad = fs::path(BRIEFMAP_TEST_DIR) / "fixtures" / "bad";
    const std::vector<Expectation> expectations = readExpectations(bad / "expected.tsv");
    REQUIRE(expectations.size() >= 40);
    size_t listed = 0;
    for (const auto& entry : fs::directory_iterator(bad))
        if (entry.is_regular_file() && entry.path().extension() != ".md" && entry.path().extension() != ".tsv") ++listed;
    CHECK(listed == expectations.size());  // every file in the corpus has its expectation

    const fs::path dir = test::makeTempDir("briefmap-bad-input");
    for (const Expectation& e : expectations) {
        CAPTURE(e.file);
        const std::string file = (bad / e.file).string();
        const std::string ext = fs::path(e.file).extension().string();
        const bool text = ext == ".txt" || ext == ".html";
        struct Run {
            std::vector<std::string> args;
            std::string out;
            int exit;
        };
        std::vector<Run> runs;
        if (text) {
            runs.push_back({{"draft", file, "--published", "2024-05-01", "--out", (dir / "draft.json").string()}, "draft.json", e.exit});
            runs.push_back({{"extract", file, "--out", (dir / "mentions.json").string()}, "mentions.json", e.extractExit});
        } else {
            runs.push_back({{"validate", file}, "", e.exit});
            runs.push_back({{"convert", "--to", "geojson", "--out", (dir / "out.geojson").string(), file}, "out.geojson", e.exit});
            runs.push_back({{"export", "--data", file, "--size", "320x200", "--out", (dir / "out.png").string()}, "out.png", e.exit});
        }
        for (const Run& r : runs) {
            CAPTURE(r.args.front());
            const auto run = test::runBriefmap(r.args);
            CHECK_MESSAGE(run.exitCode == r.exit, run.output);
            if (r.exit != 0) {
                CHECK_MESSAGE(namesFile(run.output, file), run.output);
                CHECK(run.output.find("usage:") == std::string::npos);
            }
            if (e.words != "-" && (r.exit != 0 || r.args.front() == "validate"))
                CHECK_MESSAGE(run.output.find(e.words) != std::string::npos, run.output);
            if (!r.out.empty()) CHECK(fs::exists(dir / r.out) == (r.exit == 0));
            // Nothing else is left behind: no temporary, no half-written file.
            for (const auto& left : fs::directory_iterator(dir)) {
                const std::string name = left.path().filename().string();
                CHECK_MESSAGE(name.find(".tmp-") == std::string::npos, name);
                const std::string leftBehind = "left behind: " + name;
                if (r.exit != 0) FAIL_CHECK(leftBehind);
            }
            fs::remove_all(dir);
            fs::create_directories(dir);
        }
    }
    fs::remove_all(dir);
}
