// Saving an edited JSON file as a small diff: the change from `base` to `mine` (two values of the same
// document, before and after editing) is applied to the file's own text, so members keep the file's
// order, indentation and line breaks, and a one-field edit changes one line under git. Parts that did
// not change between base and mine are never touched, even where the file writes them differently
// (a default the file omits, a number written as 1.50).
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace briefmap::model {

// The file's text with base → mine applied; nothing when `text` is not valid JSON (then write mine
// afresh). Arrays whose elements are objects with a unique "id" (or "name") are matched by it: an
// element edited in the middle of a long array is patched in place, a new one is inserted after its
// predecessor, a removed one is cut with its separator.
std::optional<std::string> patchJsonText(std::string_view text, const nlohmann::ordered_json& base,
                                         const nlohmann::ordered_json& mine);

// `{"a": 1, "b": [2, 3]}`: one line, a space after every ':' and ','.
std::string inlineJson(const nlohmann::ordered_json& value);

}  // namespace briefmap::model
