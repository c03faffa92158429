#include "draft/article_files.hpp"

#include <algorithm>

#include "core/atomic_file.hpp"
#include "core/confined_path.hpp"
#include "core/read_file.hpp"

namespace briefmap::draft {

namespace fs = std::filesystem;

namespace {

std::string relativeTo(const fs::path& file, const fs::path& dir) {
    std::error_code ec;
    const fs::path rel = fs::relative(fs::absolute(file, ec), fs::absolute(dir, ec), ec);
    return ec || rel.empty() ? fs::absolute(file, ec).string() : rel.generic_string();
}

// Where a text goes: NAME.txt beside the briefing, or NAME-2.txt… when a different text holds that
// name already.
fs::path textPath(const fs::path& dir, const std::string& stem, const std::string& text, const std::vector<fs::path>& taken) {
    for (int n = 1;; ++n) {
        const fs::path p = dir / (stem + (n == 1 ? "" : "-" + std::to_string(n)) + ".txt");
        if (std::find(taken.begin(), taken.end(), p) != taken.end()) continue;
        std::error_code ec;
        if (!fs::exists(p, ec)) return p;
        Result<std::string> existing = readWholeFile(p.string(), text.size() + 1);
        if (existing && *existing == text) return p;
    }
}

}  // namespace

PreparedArticles prepareArticles(const std::vector<std::string>& files, const std::optional<model::PartialDate>& published,
                                         const fs::path& folder, bool copyOutside, const geo::Geocoder& geocoder,
                                         bool keepGoing) {
    PreparedArticles out;
    for (const std::string& file : files) {
        Result<ArticleInput> in = readArticleInput(file, published);
        if (!in) out.errors.push_back(in.error().message);
        else if (!in->published) out.errors.push_back(missingDateMessage(file));
        else out.inputs.push_back({std::move(*in), {}, {}, {}});
    }
    if (!out.errors.empty() && !keepGoing) return out;
    const fs::path home = folder.empty() ? fs::path(".") : folder;
    std::vector<fs::path> taken;
    for (DraftInput& in : out.inputs) {
        if (in.article.html || (copyOutside && !isInsideFolder(in.article.path, home))) {
            const fs::path txt = textPath(home, fs::path(in.article.path).stem().string(), in.article.text, taken);
            taken.push_back(txt);
            out.texts.emplace_back(txt, in.article.text);
            in.file = relativeTo(txt, home);
            in.original = relativeTo(in.article.path, home);
        } else {
            in.file = relativeTo(in.article.path, home);
        }
        in.drafted = draftArticle(in.article.text, *in.article.published, geocoder);
    }
    return out;
}

Status writeArticleTexts(const PreparedArticles& prepared) {
    for (const auto& [path, text] : prepared.texts)
        if (Status s = writeFileAtomically(path.string(), {reinterpret_cast<const unsigned char*>(text.data()), text.size()}); !s)
            return s;
    return Done{};
}

}  // namespace briefmap::draft
