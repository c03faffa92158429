// The drafter on short texts written for these tests: flow ends read from the clause, plans and
// hypotheses, negation, denials linked to the claim they answer, one event per occurrence.
#include <doctest/doctest.h>

#include "draft/drafter.hpp"
#include "test_support.hpp"

using namespace briefmap;
using namespace briefmap::draft;
using model::ClaimStatus;
using model::EventKind;

namespace {

DraftedArticle drafted(const std::string& text, const char* published = "2024-06-17") {
    return draftArticle(text, *model::parsePartialDate(published), test::geocoder());
}

const DraftEvent* firstOfKind(const DraftedArticle& a, EventKind kind) {
    for (const DraftEvent& e : a.events)
        if (e.kind == kind) return &e;
    return nullptr;
}

}  // namespace

TEST_CASE("flow ends come from the clause: from/to, subjects, demonyms, targets") {
    const auto shipment = drafted("North Korea shipped 10,000 shells from Rajin to Vladivostok last month.");
    const DraftEvent* s = firstOfKind(shipment, EventKind::MunitionsTransfer);
    REQUIRE(s);
    REQUIRE(s->from);
    REQUIRE(s->to);
    CHECK(s->from->name == "Rajin");
    CHECK(s->to->name == "Vladivostok");
    CHECK(s->cargo == model::Cargo::Munitions);
    REQUIRE(s->quantity);
    CHECK(s->quantity->value == 10000);
    CHECK(s->date.start.text() == "2024-05");

    const auto troops = drafted("Russia deployed thousands of troops to the Kursk region in August.");
    const DraftEvent* t = firstOfKind(troops, EventKind::TroopDeployment);
    REQUIRE(t);
    REQUIRE(t->to);
    CHECK(t->to->name == "Kursk region");
    CHECK(t->from->name == "Russia");
    CHECK(t->from->countryLevel);  // a country stays a country, not its capital

    const auto strike = drafted("Russia fired Iranian-made drones at Kharkiv on Tuesday.");
    const DraftEvent* k = firstOfKind(strike, EventKind::MissileStrike);
    REQUIRE(k);
    REQUIRE(k->to);
    CHECK(k->to->name == "Kharkiv");
    CHECK(k->from->name == "Russia");
    CHECK(k->date.start.text() == "2024-06-11");

    const auto demonym = drafted("Iranian drones were delivered to Russia in August.");
    const DraftEvent* d = firstOfKind(demonym, EventKind::MunitionsTransfer);
    REQUIRE(d);
    REQUIRE(d->from);
    CHECK(d->from->name == "Iran");
    CHECK(d->to->name == "Russia");
}

TEST_CASE("who says so sets attribution and status, commentary and negation are not events") {
    const auto claimed = drafted("According to Ukrainian officials, Iran sent 200 drones to Russia in May.");
    const DraftEvent* c = firstOfKind(claimed, EventKind::MunitionsTransfer);
    REQUIRE(c);
    CHECK(c->status == ClaimStatus::Claimed);
    REQUIRE(c->attribution.size() == 1);
    CHECK(c->attribution[0] == "Ukrainian officials");

    CHECK(drafted("Analysts say Iran could send missiles to Russia.").events.empty());
    CHECK(drafted("Iran has not sent missiles to Russia.").events.empty());
    CHECK(drafted("Such weapons could be used against Kyiv.").events.empty());

    const auto planned = drafted("U.S. officials said Iran plans to send ballistic missiles to Russia.");
    const DraftEvent* p = firstOfKind(planned, EventKind::MunitionsTransfer);
    REQUIRE(p);
    CHECK(p->status == ClaimStatus::Claimed);
    CHECK(p->cargo == model::Cargo::Missiles);
}

TEST_CASE("a denial makes the claim it answers disputed and becomes one of its sources") {
    const auto a = drafted(
        "U.S. officials said Iran delivered hundreds of drones to Russia in August. "
        "The weather was mild. Tehran denied supplying any weapons to Moscow.");
    const DraftEvent* e = firstOfKind(a, EventKind::MunitionsTransfer);
    REQUIRE(e);
    CHECK(e->status == ClaimStatus::Disputed);
    CHECK(e->sources.size() == 2);
    CHECK(a.events.size() == 1);
}

TEST_CASE("the same occurrence told twice is one event with both sentences as sources") {
    const auto a = drafted(
        "North Korea sent around 15,000 troops to Russia's Kursk region last fall. "
        "The troops deployed to the Kursk region fought alongside Russian forces.",
        "2025-08-13");
    size_t deployments = 0;
    for (const DraftEvent& e : a.events) deployments += e.kind == EventKind::TroopDeployment;
    CHECK(deployments == 1);
    const DraftEvent* e = firstOfKind(a, EventKind::TroopDeployment);
    REQUIRE(e);
    CHECK(e->sources.size() == 2);
    CHECK(e->date.start.text() == "2024-09");
    CHECK(e->date.precision == model::DatePrecision::Season);
}

TEST_CASE("meetings, visits and statements land where they happen") {
    const auto a = drafted("Chinese President Xi Jinping arrived in Moscow on Monday and held talks with Vladimir Putin in the Kremlin.");
    const DraftEvent* visit = firstOfKind(a, EventKind::Visit);
    REQUIRE(visit);
    REQUIRE(visit->to);
    CHECK(visit->to->name == "Moscow");
    CHECK(visit->from->name == "China");
    const DraftEvent* talks = firstOfKind(a, EventKind::Meeting);
    REQUIRE(talks);
    REQUIRE_FALSE(talks->places.empty());
    CHECK(talks->places[0].name == "Kremlin");

    const auto s = drafted("Japan's Chief Cabinet Secretary expressed concern about the arms deal.");
    const DraftEvent* st = firstOfKind(s, EventKind::Statement);
    REQUIRE(st);
    REQUIRE_FALSE(st->places.empty());
    CHECK(st->places[0].name == "Japan");
}

TEST_CASE("a definite event noun joins the event it refers to, 'the latest shipment' is a new one on the same route") {
    const auto a = drafted(
        "Iran has sent hundreds of drones to Russia, U.S. officials said. "
        "According to two sources, the shipments included around 400 drones. "
        "The latest shipment left on June 3.");
    std::vector<const DraftEvent*> transfers;
    for (const DraftEvent& e : a.events)
        if (e.kind == EventKind::MunitionsTransfer) transfers.push_back(&e);
    REQUIRE(transfers.size() == 2);
    const DraftEvent& campaign = *transfers[0];
    CHECK(campaign.sources.size() == 2);
    REQUIRE(campaign.quantity);
    CHECK(campaign.quantity->value == 400);  // an exact figure beats "hundreds of"
    CHECK(campaign.status == ClaimStatus::Claimed);
    const DraftEvent& latest = *transfers[1];
    REQUIRE(latest.to);
    CHECK(latest.to->name == "Russia");
    CHECK(latest.date.start.text() == "2024-06-03");
}

TEST_CASE("lists of places and of senders are one event each") {
    const auto a = drafted("Wagner has deployed fighters to Mali, Libya and Sudan.");
    std::vector<std::string> destinations;
    for (const DraftEvent& e : a.events)
        if (e.kind == EventKind::TroopDeployment && e.to) destinations.push_back(e.to->name);
    CHECK(destinations == std::vector<std::string>{"Mali", "Libya", "Sudan"});
    const auto b = drafted("German and Italian troops are based in Niamey.");
    std::vector<std::string> senders;
    for (const DraftEvent& e : b.events)
        if (e.kind == EventKind::TroopDeployment && e.from) senders.push_back(e.from->name);
    std::sort(senders.begin(), senders.end());
    CHECK(senders == std::vector<std::string>{"Germany", "Italy"});
}

TEST_CASE("an official's words that report no event are a statement, the acting side's own words confirm") {
    const auto a = drafted("Kremlin spokesman Dmitry Peskov said on Tuesday that relations were developing well.");
    const DraftEvent* s = firstOfKind(a, EventKind::Statement);
    REQUIRE(s);
    CHECK(s->date.start.text() == "2024-06-11");
    const auto b = drafted("North Korea sent troops to Russia last fall, KCNA said.", "2025-08-13");
    const DraftEvent* t = firstOfKind(b, EventKind::TroopDeployment);
    REQUIRE(t);
    CHECK(t->status == ClaimStatus::Confirmed);  // North Korea's own agency
    CHECK(t->attribution.empty());
    CHECK_FALSE(firstOfKind(b, EventKind::Statement));
}

TEST_CASE("a denial that answers no drafted claim is a statement of its own") {
    const auto a = drafted("The talks were cordial. Iran, which backs the Houthis, has denied supplying them with weapons.");
    const DraftEvent* s = firstOfKind(a, EventKind::Statement);
    REQUIRE(s);
    REQUIRE_FALSE(s->places.empty());
    CHECK(s->places[0].name == "Iran");
    CHECK_FALSE(firstOfKind(a, EventKind::MunitionsTransfer));
}

TEST_CASE("every source is a whole sentence at its offsets, and every event has a confidence") {
    const std::string text = "Iran sent drones to Russia in August. Russia fired them at Kyiv in October.";
    const auto a = drafted(text);
    REQUIRE(a.events.size() >= 2);
    for (const DraftEvent& e : a.events) {
        CHECK(e.confidence.event > 0);
        CHECK(e.confidence.event <= 1);
        for (TextSpan s : e.sources) {
            const std::string quote = text.substr(s.start, s.size());
            CHECK((quote == "Iran sent drones to Russia in August." || quote == "Russia fired them at Kyiv in October."));
        }
        CHECK_FALSE(e.explanation.empty());
    }
}

TEST_CASE("a country's military presence is a deployment, what someone was ordered to do is still told") {
    const auto a = drafted("Russia's military presence in Mali has grown since the coup.");
    const DraftEvent* d = firstOfKind(a, EventKind::TroopDeployment);
    REQUIRE(d);
    REQUIRE(d->to);
    CHECK(d->to->name == "Mali");
    // Without "military", a presence is no deployment.
    CHECK(firstOfKind(drafted("Russia's diplomatic presence in Mali has grown."), EventKind::TroopDeployment) == nullptr);

    // "ordered … to leave" is no purpose clause: the withdrawal is what the article reports.
    const auto o = drafted("In July, the junta ordered French troops to leave Niger.");
    const DraftEvent* w = firstOfKind(o, EventKind::TroopDeployment);
    REQUIRE(w);
    REQUIRE(w->from);
    CHECK(w->from->name == "Niger");
}
