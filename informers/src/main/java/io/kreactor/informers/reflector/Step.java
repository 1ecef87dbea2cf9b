package io.kreactor.informers.reflector;

/**
 * One output of a state's step: an event for the consumer, or the transition to the next state. A step's
 * {@code Flux} ends with exactly one {@link Transition}.
 */
sealed interface Step<T> {

    /** Deliver {@code event} downstream. */
    record Emit<T>(ReflectorEvent<T> event) implements Step<T> {
    }

    /**
     * Continue with {@code next}.
     *
     * @param next    the next state
     * @param error   the error that caused this transition, reported to the error hook; null when none
     * @param backoff whether to wait with exponential backoff before {@code next}
     */
    record Transition<T>(ReflectorState<T> next, Throwable error, boolean backoff) implements Step<T> {
        static <T> Transition<T> to(ReflectorState<T> next) {
            return new Transition<>(next, null, false);
        }

        static <T> Transition<T> recover(ReflectorState<T> next, Throwable error) {
            return new Transition<>(next, error, false);
        }

        static <T> Transition<T> retry(ReflectorState<T> next, Throwable error) {
            return new Transition<>(next, error, true);
        }
    }
}
