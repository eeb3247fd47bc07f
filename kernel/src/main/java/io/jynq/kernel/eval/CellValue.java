package io.jynq.kernel.eval;

/**
 * What the evaluator wraps an expression snippet in ({@link ExpressionSnippets}); not for cells.
 * Public only because snippet classes call it. The two overloads let one compile pass take a
 * value expression ({@code 1+1}) and a void call ({@code println(x)}) alike: javac picks
 * {@link Body} when the expression has a value and {@link Action} when it has none (JLS 15.12.2.5:
 * a lambda returning a value is more specific than a void one).
 */
public final class CellValue {
    /** What {@link #of(Action)} returns: the expression had no value (a void method call). */
    public static final Object VOID = new Object() {
        @Override
        public String toString() {
            return "void";
        }
    };

    private CellValue() {
    }

    /** An expression with a value; it may throw anything, as a snippet may. */
    @FunctionalInterface
    public interface Body<T> {
        T get() throws Throwable;
    }

    /** A void expression (a method call); it may throw anything, as a snippet may. */
    @FunctionalInterface
    public interface Action {
        void run() throws Throwable;
    }

    /**
     * @return the expression's value, boxed if primitive
     * @throws Throwable what the expression throws
     */
    public static <T> Object of(Body<T> expression) throws Throwable {
        return expression.get();
    }

    /**
     * @return {@link #VOID}
     * @throws Throwable what the call throws
     */
    public static Object of(Action call) throws Throwable {
        call.run();
        return VOID;
    }
}
