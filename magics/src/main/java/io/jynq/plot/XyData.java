package io.jynq.plot;

/**
 * Points ready to hand to XChart: {@code x.length == y.length}. {@code sourceLength} is the number
 * of samples they were drawn from; it exceeds {@code x.length} when the series was decimated.
 */
public record XyData(double[] x, double[] y, long sourceLength) {

    public XyData {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " points but y has " + y.length);
        }
    }

    /** The number of points drawn. */
    public int size() {
        return x.length;
    }

    /** True when fewer points are drawn than samples were given. */
    public boolean decimated() {
        return x.length < sourceLength;
    }

    @Override
    public String toString() {
        return "XyData[" + x.length + " points of " + sourceLength + " samples]";
    }
}
