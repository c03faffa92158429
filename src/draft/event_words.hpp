// The drafter's word tables: which verbs and nouns can report which kind of event (by the frame they
// open: something given, received, fired, met…), what counts as cargo (troops, munitions, missiles,
// technology, aid), which words mark plans, hypotheses and negation, and which institutions and armed
// groups stand for which place or country. Data, looked up by lemma; the logic is in event_rules.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "model/briefing.hpp"

namespace briefmap::draft {

// What a trigger word opens, before its arguments decide the kind.
enum class Frame : uint8_t {
    Give,       // send, supply, deliver, sell, provide: cargo from the subject to a recipient
    Get,        // buy, receive, acquire, import: cargo to the subject from someone
    Deploy,     // deploy, station: troops to a place
    Invade,     // invade, occupy: troops from the subject into the object
    Fight,      // fight, battle: troops in a place
    Fire,       // fire, strike, attack, hit, bomb, shell, intercept
    Launch,     // launch, test: a strike when a weapon is named, else a deployment ("launched an offensive")
    Meet,       // meet, host, negotiate
    Talk,       // talk, discuss, speak: a meeting when two parties are named
    Visit,      // visit, tour
    Travel,     // travel, fly, head, arrive, land: a visit when a destination is named
    Sign,       // sign, conclude, ratify
    Agree,      // agree, approve, reach
    Sanction,   // sanction, impose, ban, veto, designate
    Trade,      // trade, export, import (of goods)
    Help,       // help, assist, aid: technology when technical, else aid
    Statement,  // warn, urge, condemn, accuse, deny, threaten, invite, praise
    Exercise,   // drill, exercise, patrol: forces at a place together
    Count
};

enum class TriggerStrength : uint8_t { Weak, Normal, Strong };

struct TriggerInfo {
    Frame frame = Frame::Count;
    bool noun = false;  // "delivery", "summit": the event as a noun
    // The kind a noun names on its own (summit → meeting); verbs leave it to the cargo.
    std::optional<model::EventKind> kind;
    TriggerStrength strength = TriggerStrength::Normal;
};

// What a word can trigger as a verb and as a noun (by its lemma: "supplies" is both); the rules
// choose between them from the words around it. `lower` is the word in lower case.
struct TriggerForms {
    std::optional<TriggerInfo> verb, noun;
    bool any() const { return verb || noun; }
};
TriggerForms triggersOf(std::string_view lower);

enum class CargoClass : uint8_t { None, Troops, Munitions, Missiles, Technology, AidEnergy, People, Money };

struct CargoInfo {
    CargoClass cls = CargoClass::None;
    bool strong = true;  // "troops", "shells": unambiguous; "forces", "systems", "equipment": only with context
};
// Cargo a noun (or a weapon's name: "Shahed-136", "HIMARS", "F-16s") denotes.
CargoInfo cargoOf(std::string_view lower, bool capitalised);
model::Cargo modelCargo(CargoClass c);

// The lemma of an English word by the rules the tables need: supplies → supply, shipped → ship,
// providing → provide, sent → send. Words the tables do not know come back unchanged.
std::string lemmaOf(std::string_view lower);

// Modal context before a trigger.
enum class Modality : uint8_t { Fact, Planned, Hypothetical, Negated };
// The modality a single word sets ("will" → Planned, "could" → Hypothetical, "not" → Negated).
std::optional<Modality> modalityOf(std::string_view lower);

// Words of analysis and commentary rather than reporting ("analysts", "experts", "observers"):
// their claims are not events.
bool isCommentator(std::string_view lower);

// The family of an agreement noun: "agreement", "treaty", "deal", "pact"… are one ("agreement");
// "ratification", "accession", "membership", "bid" another ("membership"). Empty for other words.
std::string_view agreementTopic(std::string_view lemma);

// Institutions that stand for a place ("Kremlin" → Moscow-Kremlin as the gazetteer knows it,
// "Pentagon" → Washington, "KCNA" → Pyongyang) and armed groups for their home country ("Wagner"
// → Russia, "Houthis" → Yemen). Empty when unknown. `lower` may be several words joined by spaces.
std::string_view institutionPlace(std::string_view lower);
std::string_view groupCountry(std::string_view lower);

}  // namespace briefmap::draft
