#include "render/scene_text.hpp"

namespace briefmap::render {

namespace {
constexpr float kSiteLabelSize = 13.0f, kSiteNativeSize = 11.0f, kMentionLabelSize = 11.5f;
// Characters the legend and date need beyond the names: ASCII and common typography.
constexpr const char* kExtraCharacters = "–—‘’“”…·°×→";
}  // namespace

Result<SceneText> buildSceneText(const SceneGeometry& scene, const std::string& title, const std::string& fontPath,
                                 bool nativeNames, std::vector<MentionLabel> mentionLabels) {
    SceneText text;
    text.mentionLabels = std::move(mentionLabels);
    std::string ascii;
    for (char c = 32; c < 127; ++c) ascii += c;
    std::vector<std::string_view> texts{ascii, kExtraCharacters, title};
    for (const SceneSite& site : scene.sites()) {
        texts.push_back(site.label);
        if (nativeNames) texts.push_back(site.nativeLabel);
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
            s = {LabelKind::Region, site.position, site.label,
                 nativeNames && site.nativeLabel != site.label ? site.nativeLabel : "", kSiteLabelSize, kSiteNativeSize, 0};
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
