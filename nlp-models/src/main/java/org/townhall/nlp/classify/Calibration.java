package org.townhall.nlp.classify;

/** Temperature scaling: divides the model's log-probabilities by T and renormalises. */
final class Calibration {

  private Calibration() {}

  static double[] soften(double[] probabilities, double temperature) {
    double[] out = new double[probabilities.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.log(Math.max(probabilities[i], 1e-300)) / temperature;
      max = Math.max(max, out[i]);
    }
    double sum = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.exp(out[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= sum;
    }
    return out;
  }
}
