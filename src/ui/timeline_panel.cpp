// The time slider: transport buttons, speed, a typed date, and a bar over the briefing's whole range
// with a histogram of event starts, a tick per event (in its kind's colour) and the cursor; click or
// drag on the bar to scrub.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "model/timeline.hpp"
#include "render/palette.hpp"
#include "ui/panels.hpp"
#include "ui/presenter.hpp"
#include "ui/panel_theme.hpp"

namespace briefmap::ui {

namespace {

ImU32 toImColor(render::Rgba c, float alpha = 1.0f) {
    return IM_COL32(static_cast<int>(c.r * 255), static_cast<int>(c.g * 255), static_cast<int>(c.b * 255),
                    static_cast<int>(c.a * alpha * 255));
}

const char* speedLabel(double daysPerSecond) {
    static char buf[32];
    if (daysPerSecond >= 365) std::snprintf(buf, sizeof buf, "1 year / s");
    else if (daysPerSecond >= 30) {
        const double months = std::round(daysPerSecond / 30.4);
        std::snprintf(buf, sizeof buf, "%.0f month%s / s", months, months > 1 ? "s" : "");
    } else if (daysPerSecond >= 7) {
        const double weeks = std::round(daysPerSecond / 7);
        std::snprintf(buf, sizeof buf, "%.0f week%s / s", weeks, weeks > 1 ? "s" : "");
    }
    else std::snprintf(buf, sizeof buf, "%.0f day%s / s", daysPerSecond, daysPerSecond > 1 ? "s" : "");
    return buf;
}

void drawBar(UiState& state, const model::Briefing& b) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x, height = 46.0f;
    ImGui::InvisibleButton("##timeline", ImVec2(width, height));
    const double first = state.range.first, span = state.range.last + 1 - first;
    const auto xOf = [&](double day) { return origin.x + static_cast<float>((day - first) / span) * width; };
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        const double day = std::floor(first + (io.MousePos.x - origin.x) / width * span);
        if (io.KeyShift || state.rangeAnchor) {
            // Shift+drag: a range of days, shown as a time window ending at its later end.
            if (!state.rangeAnchor) state.rangeAnchor = day;
            jumpToDay(state, std::max(day, *state.rangeAnchor) + 0.5);
            state.windowDays = std::abs(day - *state.rangeAnchor) + 1;
        } else {
            jumpToDay(state, day + 0.5);
        }
        state.playing = false;
    } else if (state.rangeAnchor) {
        state.rangeAnchor.reset();
        state.traceAction = "time_window";
        state.traceExtra = ",\"window_days\":" + std::to_string(static_cast<int>(state.windowDays));
    }
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), panelColors(state.style.theme).barBackground, 3.0f);
    // Histogram and ticks change only with the data, the filter or the width: cached, so a stress
    // briefing of 100,000 events costs nothing per frame (at most one tick per pixel column).
    struct Cache {
        const model::Briefing* briefing = nullptr;
        uint64_t filterVersion = ~0ull;
        float width = 0;
        std::vector<uint32_t> bins;
        std::vector<ImU32> tickColor;               // per pixel column, 0 = none
        std::vector<bool> draftOnly;                // per column: only draft events there (drawn hollow)
        std::vector<std::pair<float, float>> spans;  // interval events, as fractions
        std::vector<ImU32> spanColor;
    };
    static Cache cache;
    if (cache.briefing != &b || cache.filterVersion != state.filterVersion || cache.width != width) {
        cache.briefing = &b;
        cache.filterVersion = state.filterVersion;
        cache.width = width;
        cache.bins = model::startHistogram(b, state.filter, state.range, std::max<size_t>(10, static_cast<size_t>(width / 6)));
        cache.tickColor.assign(static_cast<size_t>(std::max(1.0f, width)) + 1, 0);
        cache.draftOnly.assign(cache.tickColor.size(), true);
        cache.spans.clear();
        cache.spanColor.clear();
        for (const model::Event& e : b.events) {
            if (!state.filter.passes(e)) continue;
            const ImU32 c = toImColor(render::kindColor(e.kind, state.style.theme));
            const auto column = static_cast<size_t>(std::clamp((e.startDay - first) / span, 0.0, 1.0) * width);
            if (!cache.tickColor[column]) cache.tickColor[column] = c;
            if (e.review != model::ReviewState::Draft) cache.draftOnly[column] = false;
            if (e.endDay > e.startDay && cache.spans.size() < 400) {
                cache.spans.emplace_back(static_cast<float>((e.startDay - first) / span), static_cast<float>((e.endDay + 1 - first) / span));
                cache.spanColor.push_back(c);
            }
        }
    }
    const uint32_t peak = std::max<uint32_t>(1, *std::max_element(cache.bins.begin(), cache.bins.end()));
    const size_t binCount = cache.bins.size();
    for (size_t i = 0; i < binCount; ++i) {
        if (!cache.bins[i]) continue;
        const float x0 = origin.x + width * static_cast<float>(i) / static_cast<float>(binCount);
        const float x1 = origin.x + width * static_cast<float>(i + 1) / static_cast<float>(binCount) - 1;
        const float h = 24.0f * std::sqrt(static_cast<float>(cache.bins[i]) / static_cast<float>(peak));
        draw->AddRectFilled(ImVec2(x0, origin.y + 28 - h), ImVec2(x1, origin.y + 28), panelColors(state.style.theme).barHistogram);
    }
    for (size_t column = 0; column < cache.tickColor.size(); ++column)
        if (cache.tickColor[column]) {
            const float x = origin.x + static_cast<float>(column);
            if (cache.draftOnly[column])  // drafts: hollow, as on the map
                draw->AddRect(ImVec2(x - 1.5f, origin.y + 29), ImVec2(x + 2.5f, origin.y + 38), cache.tickColor[column]);
            else
                draw->AddLine(ImVec2(x, origin.y + 29), ImVec2(x, origin.y + 37), cache.tickColor[column], 1.5f);
        }
    for (size_t i = 0; i < cache.spans.size(); ++i) {
        const float y = origin.y + 39 + static_cast<float>(i % 3) * 2;
        draw->AddLine(ImVec2(origin.x + cache.spans[i].first * width, y), ImVec2(origin.x + cache.spans[i].second * width, y),
                      cache.spanColor[i], 1.0f);
    }
    // Year boundaries.
    const model::PartialDate a = model::dateOfDay(state.range.first), z = model::dateOfDay(state.range.last);
    for (int y = a.year + 1; y <= z.year; ++y) {
        const float x = xOf(model::dayNumber(y, 1, 1));
        draw->AddLine(ImVec2(x, origin.y), ImVec2(x, origin.y + height), panelColors(state.style.theme).barGrid);
        char label[16];
        std::snprintf(label, sizeof label, "%d", y);
        draw->AddText(ImVec2(x + 3, origin.y + height - 14), panelColors(state.style.theme).barLabel, label);
    }
    if (state.windowDays > 0) {  // the window: a band from its start to the cursor
        const ImU32 band = (panelColors(state.style.theme).barCursor & 0x00FFFFFFu) | (0x38u << IM_COL32_A_SHIFT);
        draw->AddRectFilled(ImVec2(std::max(origin.x, xOf(state.windowStart())), origin.y), ImVec2(xOf(state.day), origin.y + height), band);
    }
    const float cx = xOf(state.day);
    draw->AddLine(ImVec2(cx, origin.y - 2), ImVec2(cx, origin.y + height + 2), panelColors(state.style.theme).barCursor, 2.0f);
}

}  // namespace

void drawTimelinePanel(UiState& state, const model::Briefing& b) {
    const ImGuiIO& io = ImGui::GetIO();
    const float panelHeight = 112.0f;
    ImGui::SetNextWindowPos(ImVec2(12, io.DisplaySize.y - panelHeight - 12), ImGuiCond_Always);
    const float right = state.selection.kind == Selection::Kind::None ? 12.0f : 392.0f;  // beside the details panel
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x - 12 - right, panelHeight), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.88f);
    if (!ImGui::Begin("Time", nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                           ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoFocusOnAppearing)) {
        ImGui::End();
        return;
    }
    if (ImGui::Button("|<")) jumpToDay(state, state.range.first);
    ImGui::SameLine();
    if (ImGui::Button("< prev")) stepToEvent(state, b, false);
    ImGui::SameLine();
    if (ImGui::Button(state.playing ? "Pause" : "Play ", ImVec2(60, 0))) {
        if (!state.playing && state.day >= state.range.last + 1) state.day = state.range.first;
        state.playing = !state.playing;
    }
    ImGui::SameLine();
    if (ImGui::Button("next >")) stepToEvent(state, b, true);
    ImGui::SameLine();
    if (ImGui::Button(">|")) jumpToDay(state, state.range.last + 1);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(150);
    ImGui::SliderInt("##speed", &state.speedIndex, 0, kSpeedCount - 1, speedLabel(kSpeeds[state.speedIndex]));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(100);
    const bool entered = ImGui::InputTextWithHint("##date", "YYYY-MM-DD", state.dateInput, sizeof state.dateInput,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button("Go") || entered) {
        Result<model::PartialDate> d = model::parsePartialDate(state.dateInput);
        if (d) {
            jumpToDay(state, d->firstDay() + 0.5);
            state.dateError.clear();
        } else {
            state.dateError = d.error().message;
        }
    }
    ImGui::SameLine();
    if (b.undated())
        ImGui::TextDisabled("Undated: nothing in this data has a time");
    else
        ImGui::Text("%s", model::formatLongDate(static_cast<model::DayNumber>(std::floor(state.day))).c_str());
    if (!state.dateError.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(panelColors(state.style.theme).error, "%s", state.dateError.c_str());
    }
    // Everything so far, or only the last days (older events fade out); shift+drag on the bar picks a range.
    if (!b.undated()) {
        ImGui::SameLine();
        static const char* const kWindows[] = {"everything so far", "last 7 days", "last 30 days", "last 90 days", "last year"};
        static const double kWindowDays[] = {0, 7, 30, 90, 365};
        int chosen = -1;
        for (int i = 0; i < 5; ++i)
            if (state.windowDays == kWindowDays[i]) chosen = i;
        char custom[48];
        std::snprintf(custom, sizeof custom, "range of %d days", static_cast<int>(state.windowDays));
        ImGui::SetNextItemWidth(150);
        if (ImGui::BeginCombo("##window", chosen >= 0 ? kWindows[chosen] : custom)) {
            for (int i = 0; i < 5; ++i)
                if (ImGui::Selectable(kWindows[i], chosen == i)) {
                    state.windowDays = kWindowDays[i];
                    state.traceAction = "time_window";
                    state.traceExtra = ",\"window_days\":" + std::to_string(static_cast<int>(state.windowDays));
                }
            ImGui::EndCombo();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("What the map shows: everything up to the date, or only the last days.\nShift+drag on the bar: a range.");
    }
    drawBar(state, b);
    recordPanelRect(state);
    ImGui::End();
}

void recordPanelRect(UiState& state) {
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    state.panelRects.push_back({pos.x, pos.y, pos.x + size.x, pos.y + size.y});
}

}  // namespace briefmap::ui
