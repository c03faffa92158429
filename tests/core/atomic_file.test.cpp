// Outputs are written whole or not at all, never through a symlink, and a killed writer's
// temporary does not outlive the next write.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "core/atomic_file.hpp"
#include "core/read_file.hpp"
#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

namespace {
std::span<const unsigned char> bytes(const std::string& s) { return {reinterpret_cast<const unsigned char*>(s.data()), s.size()}; }
}  // namespace

TEST_CASE("output paths: a symlink, a directory, a device or a missing folder is refused, naming the path") {
    const fs::path dir = test::makeTempDir("briefmap-outputs");
    test::writeTextFile(dir / "target.txt", "keep me");
    fs::create_symlink(dir / "target.txt", dir / "link.png");
    fs::create_directory(dir / "folder.png");
    REQUIRE(::mkfifo((dir / "fifo.png").c_str(), 0644) == 0);
    for (const char* name : {"link.png", "folder.png", "fifo.png", "missing/out.png"}) {
        CAPTURE(name);
        const std::string path = (dir / name).string();
        const Status ok = checkOutputPath(path);
        REQUIRE_FALSE(ok);
        CHECK(ok.error().message.find(path) == 0);
        CHECK_FALSE(writeFileAtomically(path, bytes("new")));
    }
    CHECK(readWholeFile((dir / "target.txt").string(), 100).value() == "keep me");
    CHECK(checkOutputPath((dir / "new.png").string()));
    if (::geteuid() != 0) {  // root writes anywhere
        fs::create_directory(dir / "readonly");
        fs::permissions(dir / "readonly", fs::perms::owner_read | fs::perms::owner_exec);
        CHECK(checkOutputPath((dir / "readonly" / "x.png").string()).error().message.find("not writable") != std::string::npos);
        fs::permissions(dir / "readonly", fs::perms::owner_all);
    }
    fs::remove_all(dir);
}

TEST_CASE("atomic writes: a dead writer's temporary is removed by the next write, a live writer's is not") {
    const fs::path dir = test::makeTempDir("briefmap-stray");
    const std::string out = (dir / "map.png").string();
    test::writeTextFile(out + ".tmp-AbC123", "left by a kill -9");
    test::writeTextFile(out + ".tmp-live01", "being written");
    test::writeTextFile(dir / "other.png.tmp-AbC123", "another file's");
    test::writeTextFile(out + ".tmp-toolong1", "not ours");
    // A live writer holds its temporary locked (here: this process through another descriptor).
    const int live = ::open((out + ".tmp-live01").c_str(), O_RDONLY);
    REQUIRE(live >= 0);
    REQUIRE(::flock(live, LOCK_EX) == 0);
    REQUIRE(writeFileAtomically(out, bytes("PNG")));
    CHECK(readWholeFile(out, 100).value() == "PNG");
    CHECK_FALSE(fs::exists(out + ".tmp-AbC123"));
    CHECK(fs::exists(out + ".tmp-live01"));
    CHECK(fs::exists(dir / "other.png.tmp-AbC123"));
    CHECK(fs::exists(out + ".tmp-toolong1"));
    ::close(live);
    CHECK(removeStrayTemporaries(out) == 1);
    CHECK_FALSE(fs::exists(out + ".tmp-live01"));
    // Replacing leaves exactly the new file.
    REQUIRE(writeFileAtomically(out, bytes("PNG2")));
    size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
    CHECK(files == 3);  // map.png, other.png.tmp-…, map.png.tmp-toolong1
    fs::remove_all(dir);
}
