#include "render/scene_text.hpp"

#include <algorithm>
#include <functional>

namespace briefmap::render {

namespace {
constexpr float kSiteLabelSize = 13.0f, kSiteNativeSize = 11.0f, kMentionLabelSize = 11.5f;
// Labels are laid out for at most this many sites, those with the most events: a million imported
// points would otherwise cost gigabytes of glyph quads for labels that never fit on a screen.
constexpr size_t kMaxSiteLabels = 20000;
// Characters the legend and date need beyond the names: ASCII and common typography.
constexpr const char* kExtraCharacters = "–—‘’“”…·°×→";
}  // namespace

Result<SceneText> buildSceneText(const SceneGeometry& scene, const std::string& title, const std::string& fontPath,
                                 bool nativeNames, std::vector<MentionLabel> mentionLabels,
                                 const std::vector<std::string>& extraTexts) {
    SceneText text;
    text.mentionLabels = std::move(mentionLabels);
    std::string ascii;
    for (char c = 32; c < 127; ++c) ascii += c;
    std::vector<std::string_view> texts{ascii, kExtraCharacters, title};
    for (const std::string& t : extraTexts) texts.push_back(t);
    const std::vector<SceneSite>& sites = scene.sites();
    std::vector<bool> labelled(sites.size(), true);
    if (sites.size() > kMaxSiteLabels) {
        std::vector<size_t> counts;
        counts.reserve(sites.size());
        for (const SceneSite& site : sites) counts.push_back(site.label.empty() ? 0 : site.events.size());
        std::nth_element(counts.begin(), counts.begin() + kMaxSiteLabels - 1, counts.end(), std::greater<>());
        const size_t threshold = std::max<size_t>(1, counts[kMaxSiteLabels - 1]);
        size_t kept = 0;
        for (size_t i = 0; i < sites.size(); ++i) {
            labelled[i] = !sites[i].label.empty() && sites[i].events.size() >= threshold && kept < kMaxSiteLabels;
            kept += labelled[i];
        }
    }
    for (size_t i = 0; i < sites.size(); ++i) {
        if (!labelled[i]) continue;
        texts.push_back(sites[i].label);
        if (nativeNames) texts.push_back(sites[i].nativeLabel);
    }
    for (const MentionLabel& m : text.mentionLabels) texts.push_back(m.name);
    Result<GlyphAtlas> atlas = GlyphAtlas::build(fontPath, texts);
    if (!atlas) return atlas.error();
    text.atlas = std::move(*atlas);
    const size_t siteCount = scene.sites().size();
    for (size_t i = 0; i < siteCount + text.mentionLabels.size(); ++i) {
        LabelSpec s;
        if (i < siteCount) {
            const SceneSite& site = scene.sites()[i];
            s = {LabelKind::Region, site.position, labelled[i] ? site.label : std::string(),
                 labelled[i] && nativeNames && site.nativeLabel != site.label ? site.nativeLabel : "", kSiteLabelSize,
                 kSiteNativeSize, 0};
        } else {
            const MentionLabel& m = text.mentionLabels[i - siteCount];
            s = {LabelKind::Region, m.position, m.name, "", kMentionLabelSize, kSiteNativeSize, 0};
        }
        const float h1 = s.size1 * 1.2f, h2 = s.line2.empty() ? 0.0f : s.size2 * 1.2f;
        s.height = h1 + h2;
        const float top = -s.height / 2;
        text.firstVertex.push_back(static_cast<int>(text.vertices.size()));
        const float w1 = layoutLine(text.atlas, s.line1, s.size1, 0, top + 0.92f * s.size1, float(i), s.anchor, &text.vertices);
        const float w2 = s.line2.empty() ? 0.0f
                                         : layoutLine(text.atlas, s.line2, s.size2, 0, top + h1 + 0.92f * s.size2, float(i),
                                                      s.anchor, &text.vertices);
        s.width = std::max(w1, w2);
        text.vertexCount.push_back(static_cast<int>(text.vertices.size()) - text.firstVertex.back());
        text.siteLabels.push_back(std::move(s));
    }
    return text;
}

}  // namespace briefmap::render
