#include "cli/import_flags.hpp"

#include <filesystem>

#include "model/article_mentions.hpp"

namespace briefmap::cli {

Result<model::ImportOptions> importOptions(const Flags& flags) {
    model::ImportOptions options;
    options.strict = flags.has("--strict");
    if (auto columns = flags.get("--columns")) {
        Result<model::ColumnMapping> mapping = model::parseColumnMapping(*columns);
        if (!mapping) return Error{mapping.error().message};
        if (mapping->empty()) return Error{"--columns: expected ROLE=COLUMN,…"};
        options.columns = std::move(*mapping);
    }
    if (auto roots = flags.get("--article-root")) {
        options.articleRoots = model::splitPathList(*roots);
        if (options.articleRoots.empty()) return Error{"--article-root: no folder given"};
        for (const std::string& root : options.articleRoots) {
            std::error_code ec;
            if (!std::filesystem::is_directory(root, ec)) return Error{"--article-root: '" + root + "' is not a folder"};
        }
    }
    return options;
}

void printImportReport(const std::string& path, const model::LoadedBriefing& loaded, std::FILE* out) {
    if (!loaded.imported()) return;
    const model::ImportReport& r = loaded.report;
    for (const model::Diagnostic& d : r.skipped) std::fprintf(out, "%s (row skipped)\n", d.text().c_str());
    if (r.skippedCount() > r.skipped.size())
        std::fprintf(out, "%s: … and %zu more rows skipped\n", path.c_str(), r.skippedCount() - r.skipped.size());
    for (const std::string& note : r.notes) std::fprintf(out, "%s: note: %s\n", path.c_str(), note.c_str());
    if (r.rows && loaded.ok()) std::fprintf(out, "%s: %s\n", path.c_str(), r.summary().c_str());
}

}  // namespace briefmap::cli
