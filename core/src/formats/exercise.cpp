#include "ctxscope/formats/exercise.h"

#include "ctxscope/engine/id_index.h"

#include <algorithm>
#include <functional>

namespace ctxscope {

ExpectationReport checkDoneWhen(const Scenario& scenario, const SimulationResult& result)
{
    if (!scenario.exercise)
        return {};
    return checkExpectationList(scenario.exercise->doneWhen, result, "exercise.done_when");
}

std::optional<Problem> alreadySolvedProblem(const Scenario& scenario, const ExpectationReport& shippedDoneWhen)
{
    // An empty done_when is a validation error of its own; it is not "already solved".
    if (!scenario.exercise || scenario.exercise->doneWhen.empty() || !shippedDoneWhen.allPassed())
        return std::nullopt;
    return Problem{"exercise.done_when", exerciseMessage(ExerciseError::AlreadySolved), 0, 0};
}

ExerciseCheck checkExercise(const Scenario& scenario, const SimulationResult& shipped,
                            const SimulationOptions& options)
{
    ExerciseCheck check;
    if (!scenario.exercise)
        return check;
    check.shipped = checkDoneWhen(scenario, shipped);
    if (auto p = alreadySolvedProblem(scenario, check.shipped))
        check.problems.push_back(std::move(*p));

    const Scenario solved = applySolution(scenario);
    const SimulationResult solvedRun = simulate(solved, options);
    check.solved = checkDoneWhen(solved, solvedRun);
    if (!check.solved.allPassed()) {
        check.problems.push_back({"exercise.solution", exerciseMessage(ExerciseError::SolutionDoesNotSolve), 0, 0});
        for (const std::string& failure : check.solved.failureMessages())
            check.problems.push_back({"exercise.solution", "with the solution: " + failure, 0, 0});
    }
    return check;
}

namespace {

std::string titleOf(const Expectation& e)
{
    using K = Expectation::Kind;
    switch (e.kind) {
    case K::Context: return "context " + e.subject;
    case K::Task: return "task " + e.subject;
    case K::AfterFunc: return "after_func " + e.subject;
    case K::Lookup: return "lookup \"" + e.subject + "\" by task " + e.task;
    case K::Lint:
    case K::NoLints:
    case K::Stopped: break;
    }
    return e.subject;
}

bool askable(Expectation::Kind k)
{
    using K = Expectation::Kind;
    return k == K::Context || k == K::Task || k == K::AfterFunc || k == K::Lookup;
}

} // namespace

std::vector<PredictItem> predictItems(const Scenario& scenario, const SimulationResult& result)
{
    std::vector<PredictItem> items;
    // The questions first (subject + field names), then one checkExpectationList over all of them:
    // it finds every field's deciding time and event in a single pass over the events.
    std::vector<Expectation> asked; // one entry per (item, field)
    auto add = [&](const Expectation& subject, const std::vector<std::string>& fields, std::size_t source,
                   bool fromExpect) {
        PredictItem item;
        item.subject = Expectation{subject.kind, subject.subject, subject.task, {}};
        item.title = titleOf(subject);
        item.source = source;
        item.fromExpect = fromExpect;
        for (const std::string& f : fields) {
            PredictField pf;
            pf.field = f;
            pf.answer = actualValue(item.subject, f, result);
            item.fields.push_back(std::move(pf));
            Expectation one = item.subject;
            one.fields = {{f, Scalar::null()}};
            asked.push_back(std::move(one));
        }
        items.push_back(std::move(item));
    };
    if (!scenario.predict.empty()) {
        for (std::size_t i = 0; i < scenario.predict.size(); ++i) {
            const PredictQuestion& q = scenario.predict[i];
            if (askable(q.kind))
                add(Expectation{q.kind, q.subject, q.task, {}}, q.fields, i, false);
        }
    } else {
        for (std::size_t i = 0; i < scenario.expect.size(); ++i) {
            const Expectation& e = scenario.expect[i];
            if (!askable(e.kind) || e.fields.empty())
                continue;
            std::vector<std::string> fields;
            for (const auto& f : e.fields)
                fields.push_back(f.first);
            add(e, fields, i, true);
        }
    }
    const ExpectationReport timing = checkExpectationList(asked, result, "predict");
    std::size_t k = 0;
    for (PredictItem& item : items) {
        for (PredictField& f : item.fields) {
            f.decidedAt = timing.outcomes[k].decidedAt;
            f.event = timing.outcomes[k].event;
            ++k;
        }
    }
    return items;
}

namespace {

// Adds s to out unless it is there already (the lists are short: a scenario's distinct causes).
void addChoice(std::vector<Scalar>& out, Scalar s)
{
    if (std::find(out.begin(), out.end(), s) == out.end())
        out.push_back(std::move(s));
}

// forEachStep calls f on every step of every task and after-func, nested ones included.
void forEachStep(const Scenario& s, const std::function<void(const Step&)>& f)
{
    std::function<void(const std::vector<Step>&)> walk = [&](const std::vector<Step>& steps) {
        for (const Step& st : steps) {
            f(st);
            for (const TaskSpec& t : st.spawn)
                walk(t.steps);
            for (const AfterFuncSpec& a : st.afterFunc)
                walk(a.steps);
        }
    };
    for (const TaskSpec& t : s.tasks)
        walk(t.steps);
    for (const AfterFuncSpec& a : s.afterFuncs)
        walk(a.steps);
}

} // namespace

std::vector<Scalar> predictChoices(const Scenario& scenario, const Expectation& subject, const std::string& field)
{
    std::vector<Scalar> out;
    const Scalar canceled = Scalar::string(errString(Err::Canceled));
    const Scalar deadline = Scalar::string(errString(Err::DeadlineExceeded));
    if (field == "err") {
        out = {Scalar::null(), canceled, deadline};
    } else if (field == "cause") {
        out = {Scalar::null(), canceled, deadline};
        auto fromContext = [&](const ContextSpec& c) {
            if (isCauseDeadlineKind(c.kind))
                addChoice(out, Scalar::string(c.cause));
        };
        for (const ContextSpec& c : scenario.contexts)
            fromContext(c);
        forEachStep(scenario, [&](const Step& st) {
            for (const ContextSpec& c : st.derive)
                fromContext(c);
            if (st.op == StepOp::Cancel && st.cause)
                addChoice(out, Scalar::string(*st.cause));
        });
        for (const Action& a : scenario.actions) {
            if (a.cause)
                addChoice(out, Scalar::string(*a.cause));
        }
    } else if (field == "reason") {
        out = {Scalar::null(), Scalar::string("cancel"), Scalar::string("deadline"), Scalar::string("parent")};
    } else if (field == "source") {
        out = {Scalar::null()};
        const std::vector<ContextSpec>& rows = scenario.contexts;
        IdIndex index;
        index.reserve(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            index.add(rows, static_cast<std::uint32_t>(i));
        std::uint32_t at = index.find(rows, subject.subject);
        if (at != kNone) {
            // A context of "contexts": the cancellation began at it or at an ancestor. Parents
            // are listed earlier in a valid file; the bound keeps a hand-built cycle finite.
            std::vector<Scalar> chain;
            for (std::size_t n = 0; at != kNone && n <= rows.size(); ++n) {
                chain.push_back(Scalar::string(rows[at].id));
                at = rows[at].parent.empty() ? kNone : index.find(rows, rows[at].parent);
            }
            out.insert(out.end(), chain.begin(), chain.end());
        } else {
            for (const ContextSpec& c : scenario.contexts)
                out.push_back(Scalar::string(c.id));
            forEachStep(scenario, [&](const Step& st) {
                for (const ContextSpec& c : st.derive)
                    out.push_back(Scalar::string(c.id));
            });
        }
    } else if (field == "result") {
        out = {Scalar::null(), Scalar::string("ok"), canceled, deadline};
        forEachStep(scenario, [&](const Step& st) {
            if (st.op == StepOp::Fail)
                addChoice(out, Scalar::string("error: " + st.text));
        });
        out.push_back(Scalar::string("running"));
        out.push_back(Scalar::string("blocked"));
    } else if (field == "found") {
        out = {Scalar::boolean(true), Scalar::boolean(false)};
    } else if (field == "value") {
        out = {Scalar::null()};
        auto fromContext = [&](const ContextSpec& c) {
            if (c.kind == ContextKind::WithValue && c.key == subject.subject)
                addChoice(out, c.value);
        };
        for (const ContextSpec& c : scenario.contexts)
            fromContext(c);
        forEachStep(scenario, [&](const Step& st) {
            for (const ContextSpec& c : st.derive)
                fromContext(c);
        });
    } else if (field == "stopped") {
        out = {Scalar::null(), Scalar::boolean(true), Scalar::boolean(false)};
    }
    return out;
}

namespace {

std::vector<std::size_t> differingSteps(const std::vector<Step>& a, const std::vector<Step>& b)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
        if (i >= a.size() || i >= b.size() || !(a[i] == b[i]))
            out.push_back(i);
    }
    return out;
}

template <typename Spec>
std::vector<std::size_t> stepsOf(const Spec&, const Spec&)
{
    return {};
}
template <>
std::vector<std::size_t> stepsOf(const TaskSpec& a, const TaskSpec& b)
{
    return differingSteps(a.steps, b.steps);
}
template <>
std::vector<std::size_t> stepsOf(const AfterFuncSpec& a, const AfterFuncSpec& b)
{
    return differingSteps(a.steps, b.steps);
}

// Compares two lists of elements with ids (contexts, tasks, after-funcs), matching by id.
template <typename Spec>
void compareById(ScenarioChange::List list, const std::vector<Spec>& a, const std::vector<Spec>& b,
                 std::vector<ScenarioChange>& out)
{
    using What = ScenarioChange::What;
    IdIndex inA, inB;
    inA.reserve(a.size());
    inB.reserve(b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        inA.add(a, static_cast<std::uint32_t>(i));
    for (std::size_t i = 0; i < b.size(); ++i)
        inB.add(b, static_cast<std::uint32_t>(i));
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::uint32_t j = inB.find(b, a[i].id);
        if (j == kNone)
            out.push_back({list, What::Removed, a[i].id, i, ScenarioChange::kNoIndex, {}});
        else if (!(a[i] == b[j]))
            out.push_back({list, What::Changed, a[i].id, i, j, stepsOf(a[i], b[j])});
    }
    for (std::size_t j = 0; j < b.size(); ++j) {
        if (inA.find(a, b[j].id) == kNone)
            out.push_back({list, What::Added, b[j].id, ScenarioChange::kNoIndex, j, {}});
    }
}

} // namespace

std::vector<ScenarioChange> scenarioChanges(const Scenario& before, const Scenario& after)
{
    using List = ScenarioChange::List;
    using What = ScenarioChange::What;
    std::vector<ScenarioChange> out;
    compareById(List::Contexts, before.contexts, after.contexts, out);
    compareById(List::Tasks, before.tasks, after.tasks, out);
    compareById(List::AfterFuncs, before.afterFuncs, after.afterFuncs, out);
    const std::vector<Action>& a = before.actions;
    const std::vector<Action>& b = after.actions;
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
        if (i >= b.size())
            out.push_back({List::Actions, What::Removed, {}, i, ScenarioChange::kNoIndex, {}});
        else if (i >= a.size())
            out.push_back({List::Actions, What::Added, {}, ScenarioChange::kNoIndex, i, {}});
        else if (!(a[i] == b[i]))
            out.push_back({List::Actions, What::Changed, {}, i, i, {}});
    }
    return out;
}

ExpectationOutcome gradePrediction(const PredictItem& item, std::size_t field, const Scalar& guess,
                                   const SimulationResult& result)
{
    if (field >= item.fields.size()) {
        ExpectationOutcome out;
        out.title = item.title;
        out.failures.push_back(item.title + ": no field " + std::to_string(field) + " in this question");
        out.decidedAt = result.endTime;
        return out;
    }
    const PredictField& f = item.fields[field];
    Expectation e = item.subject;
    e.fields = {{f.field, guess}};
    ExpectationOutcome out = checkExpectation(e, item.source, result, item.fromExpect ? "expect" : "predict");
    out.decidedAt = f.decidedAt;
    out.event = f.event;
    return out;
}

} // namespace ctxscope
