#include "lintexplanations.h"

namespace ctxscope {

QString lintExplanation(const QString& rule) {
    if (rule == QLatin1String("lostcancel"))
        return QStringLiteral(
            "The cancel function returned by WithCancel, WithTimeout or WithDeadline is neither deferred nor "
            "called on every path. Until the parent is canceled (or, with a timeout, until the timer fires) the "
            "child stays registered in its parent's children map and its timer stays armed: memory and a timer "
            "held for the parent's whole lifetime, which for a request context under context.Background() can be "
            "the life of the process. go vet's lostcancel check reports \"the cancel function is not used on all "
            "paths (possible context leak)\". Fix: `defer cancel()` right after the call.");
    if (rule == QLatin1String("SA1012"))
        return QStringLiteral(
            "A nil Context was passed where a Context is expected. Since Go 1.15 every With* function panics with "
            "\"cannot create context from nil parent\", so the program crashes the first time this path runs. "
            "staticcheck reports SA1012: \"do not pass a nil Context, even if a function permits it; pass "
            "context.TODO if you are unsure about which Context to use\".");
    if (rule == QLatin1String("SA1029"))
        return QStringLiteral(
            "context.WithValue is keyed by a built-in type (string, int, ...). Any other package that uses the same "
            "built-in key type and value collides with this one: a lookup may silently return someone else's value, "
            "or shadow it. Nothing leaks, but the bug lasts as long as the context does and is hard to find. "
            "staticcheck reports SA1029 (\"should not use built-in type string as key for value; define your own "
            "type to avoid collisions\"); go vet does not. Fix: `type ctxKey struct{}` or an unexported named type.");
    if (rule == QLatin1String("goroutine-outlived-context"))
        return QStringLiteral(
            "The goroutine kept working after its context was done: it never selects on ctx.Done() (or checks "
            "ctx.Err()) in that stretch. Whoever canceled the context has moved on and nobody reads the result, so "
            "the goroutine, its stack and whatever it holds (connections, locks, buffers) stay in use for the time "
            "shown, for nothing. No static tool catches this; goleak only does if the goroutine is still running when "
            "a test ends. Fix: watch ctx.Done() in every loop and every blocking call (select, or an API that takes ctx).");
    if (rule == QLatin1String("goroutine-leak"))
        return QStringLiteral(
            "The goroutine was still blocked or running when nothing else could happen: it waits for something that "
            "will never come (a context that can never be canceled, such as Background or WithoutCancel, or a "
            "channel nobody closes). It leaks until the process exits, with its stack and everything it "
            "references. go.uber.org/goleak's VerifyNone reports it at the end of a test (\"found unexpected "
            "goroutines\"); go vet and staticcheck cannot see it. Fix: give it a cancelable context and select on Done().");
    return QStringLiteral("A finding of rule %1 (see its message).").arg(rule);
}

QString lintTool(const QString& rule) {
    if (rule == QLatin1String("lostcancel"))
        return QStringLiteral("go vet");
    if (rule.startsWith(QLatin1String("SA")))
        return QStringLiteral("staticcheck");
    if (rule == QLatin1String("goroutine-leak"))
        return QStringLiteral("goleak");
    return QStringLiteral("ctxscope");
}

} // namespace ctxscope
