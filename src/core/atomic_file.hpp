// Writes a whole file or nothing: a temporary file in the same folder, then rename. A writer killed
// at any moment leaves the old file or the new one, and at worst a temporary that the next write to
// the same path removes (the temporary is locked while it is written, so only a dead writer's is).
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace briefmap {

Status writeFileAtomically(const std::string& path, std::span<const unsigned char> bytes);
// The file as consecutive pieces, written one after the other (big outputs are never joined in memory).
Status writeFileAtomically(const std::string& path, std::span<const std::span<const unsigned char>> pieces);
// Many files at once (a briefing's articles): each folder is checked for a dead writer's leftovers
// once, then every file is written atomically; the first failure is the error. Folders must exist.
Status writeFilesAtomically(const std::vector<std::pair<std::string, std::string_view>>& files);

// Whether `path` can take an output file, checked before any work starts: refused when it is empty,
// a directory, a symlink or another non-regular file, or when its folder is missing or not writable.
// Also removes temporaries that a killed writer left beside it. The error names the path.
Status checkOutputPath(const std::string& path);

// The same for an output folder filled piece by piece (`--frames-dir`): it must not exist or be an
// empty folder (not a symlink), in a writable folder.
Status checkOutputFolder(const std::string& path);

// Removes `path.tmp-XXXXXX` files (and folders) beside `path` that no live writer holds; returns how many.
int removeStrayTemporaries(const std::string& path);

// A file or folder being written beside its final path (NAME.tmp-XXXXXX, locked while it lives):
// commit() renames it over the path; the destructor removes it when it was not committed. For
// outputs written piece by piece (a video, a folder of frames).
class TemporaryOutput {
public:
    static Result<TemporaryOutput> file(const std::string& finalPath);
    // The final path must not exist or be an empty folder.
    static Result<TemporaryOutput> folder(const std::string& finalPath);
    TemporaryOutput(TemporaryOutput&& other) noexcept;
    TemporaryOutput& operator=(TemporaryOutput&&) = delete;
    ~TemporaryOutput();
    const std::string& path() const { return m_path; }
    Status commit();

private:
    TemporaryOutput() = default;
    std::string m_path, m_finalPath;
    int m_lockFd = -1;
    bool m_folder = false;
};

}  // namespace briefmap
