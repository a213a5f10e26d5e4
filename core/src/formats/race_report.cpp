// The report's "races" section and the summary's Races block (race_report.h).
#include "ctxscope/formats/race_report.h"

#include "ctxscope/engine/duration.h"

namespace ctxscope {

namespace {

json::Value factValue(const FactValue& v)
{
    switch (v.type) {
    case FactValue::Type::Null: return json::Value::null();
    case FactValue::Type::Integer: return json::Value::number(v.text);
    case FactValue::Type::String: return json::Value::string(v.text);
    case FactValue::Type::Bool: return json::Value::boolean(v.text == "true");
    case FactValue::Type::Number:
        // The report writes a number that is not valid JSON number text as a string.
        return json::isValidNumberText(v.text) ? json::Value::number(v.text) : json::Value::string(v.text);
    }
    return json::Value::null();
}

} // namespace

std::string factValueText(const FactValue& v)
{
    return json::write(factValue(v), json::Style::Compact);
}

json::Value racesToJson(const RaceExploration& races)
{
    json::Value o = json::Value::object();
    o.add("complete", json::Value::boolean(races.complete));
    o.add("orders_explored", json::Value::integer(static_cast<std::int64_t>(races.ordersExplored)));
    o.add("outcomes", json::Value::integer(static_cast<std::int64_t>(races.outcomes.size())));
    json::Value facts = json::Value::array();
    for (const RaceFact& f : races.facts) {
        json::Value e = json::Value::object();
        e.add("fact", json::Value::string(f.fact));
        json::Value values = json::Value::array();
        for (const FactValue& v : f.values)
            values.push(factValue(v));
        e.add("values", std::move(values));
        e.add("at_ns", json::Value::integer(f.at));
        json::Value between = json::Value::array();
        for (const std::string& b : f.between)
            between.push(json::Value::string(b));
        e.add("between", std::move(between));
        facts.push(std::move(e));
    }
    o.add("facts", std::move(facts));
    return o;
}

std::string withRacesSection(const std::string& report, const RaceExploration& races)
{
    // The report is a pretty JSON object ending in "}\n": insert the member before that brace,
    // indented one level like the report's own members.
    const std::size_t close = report.rfind('}');
    if (close == std::string::npos)
        return report;
    std::string section = json::write(racesToJson(races), json::Style::Pretty);
    std::string indented;
    for (char c : section) {
        indented += c;
        if (c == '\n')
            indented += "  ";
    }
    std::string head = report.substr(0, close);
    while (!head.empty() && (head.back() == '\n' || head.back() == ' '))
        head.pop_back();
    return head + ",\n  \"races\": " + indented + "\n" + report.substr(close);
}

std::string racesSummary(const RaceExploration& races, std::size_t maxRows)
{
    std::string out = "\nRaces: " + std::to_string(races.outcomes.size()) +
                      (races.outcomes.size() == 1 ? " outcome" : " outcomes") + " from " +
                      std::to_string(races.ordersExplored) + (races.ordersExplored == 1 ? " order" : " orders") +
                      " explored" + (races.complete ? " (complete)" : " (INCOMPLETE: " + races.incomplete + ")") + "\n";
    if (races.facts.empty()) {
        out += "  every fact is the same in every order Go can run this scenario in\n";
        return out;
    }
    std::size_t rows = 0;
    for (const RaceFact& f : races.facts) {
        if (rows++ == maxRows) {
            out += "  ... and " + std::to_string(races.facts.size() - maxRows) + " more facts\n";
            break;
        }
        out += "  " + f.fact + ": ";
        for (std::size_t i = 0; i < f.values.size(); ++i)
            out += (i ? " | " : "") + factValueText(f.values[i]) + " (outcome " + std::to_string(f.outcomeOf[i]) + ")";
        out += "\n";
        if (f.between.size() == 2)
            out += "    at " + formatDuration(f.at) + ": " + f.between[0] + " vs " + f.between[1] + "\n";
    }
    for (std::size_t k = 1; k < races.outcomes.size(); ++k) {
        const RaceOutcome& o = races.outcomes[k];
        out += "  outcome " + std::to_string(k) + ":";
        std::size_t shown = 0;
        for (const RaceChoice& c : o.choices) {
            if (shown++ == 3) {
                out += " ...";
                break;
            }
            // Appended piece by piece (GCC 12 warns, wrongly, about const char* + std::string here).
            if (shown > 1)
                out += ";";
            out += " at ";
            out += formatDuration(c.t);
            out += " ";
            out += c.chosen;
            out += " before ";
            out += c.documented;
        }
        out += "\n";
    }
    out += "  (--outcome K writes the K-th outcome's trace, report and Chrome trace; 0 is the documented order)\n";
    return out;
}

} // namespace ctxscope
