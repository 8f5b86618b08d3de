package org.townhall.nlp.classify;

import java.util.Random;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.DataIndexer;

/**
 * Fits the same model as OpenNLP's {@code MAXENT_QN} (an L2-regularised multinomial logistic
 * regression, returned as an OpenNLP {@link QNModel}) with sparse AdaGrad stochastic gradient
 * steps instead of L-BFGS. L-BFGS touches every weight of every class on every iteration, which
 * with character n-grams means millions of weights per step; here each message only updates the
 * weights of its own features, so training CLINC150 takes seconds instead of minutes.
 *
 * <p>Deterministic for a given seed. The L2 penalty is applied to a feature's weights when the
 * feature occurs (the usual sparse approximation), and classes the model already gives almost
 * no probability are left alone for that message.
 */
final class AdaGradSoftmaxTrainer {

  static final String ALGORITHM = "SOFTMAX_ADAGRAD";
  /** A class whose logit gradient is below this is not updated for that message. */
  static final double NEGLIGIBLE = 1e-4;

  private AdaGradSoftmaxTrainer() {}

  /**
   * @param outcomeWeights how much an example of each outcome counts (indexed like the data's
   *     outcome labels)
   */
  static QNModel train(DataIndexer data, int epochs, double learningRate, double l2,
      double[] outcomeWeights, long seed) {
    int[][] contexts = data.getContexts();
    float[][] values = data.getValues();
    int[] outcomes = data.getOutcomeList();
    int[] counts = data.getNumTimesEventsSeen();
    int classes = data.getOutcomeLabels().length;
    int predicates = data.getPredLabels().length;
    float[] weights = new float[predicates * classes];
    float[] squares = new float[predicates * classes];
    double[] gradient = new double[classes];
    float[] logits = new float[classes];
    int[] active = new int[classes];
    float[] scaled = new float[classes];
    int[] order = new int[contexts.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      for (int i : order) {
        float[] v = values == null ? null : values[i];
        logitGradient(weights, contexts[i], v, outcomes[i], classes, logits, gradient);
        double weight = counts[i] * outcomeWeights[outcomes[i]];
        update(weights, squares, contexts[i], v, weight, gradient, classes, learningRate, l2,
            active, scaled);
      }
    }
    return toModel(weights, data, classes, predicates);
  }

  /** Softmax probabilities minus the one-hot truth: the gradient of the loss in each logit. */
  private static void logitGradient(float[] weights, int[] context, float[] values, int truth,
      int classes, float[] logits, double[] out) {
    // summed in float, like the weights, so that the JIT can vectorise the inner loop: this loop
    // and update() are nearly all of the training time
    java.util.Arrays.fill(logits, 0f);
    for (int f = 0; f < context.length; f++) {
      int base = context[f] * classes;
      float value = values == null ? 1f : values[f];
      for (int k = 0; k < classes; k++) {
        logits[k] += weights[base + k] * value;
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int k = 0; k < classes; k++) {
      out[k] = Math.exp(logits[k] - max);
      sum += out[k];
    }
    for (int k = 0; k < classes; k++) {
      out[k] /= sum;
    }
    out[truth] -= 1;
  }

  private static void update(float[] weights, float[] squares, int[] context, float[] values,
      double count, double[] gradient, int classes, double rate, double l2, int[] active,
      float[] scaled) {
    // most classes get ~0 probability: skipping them makes an epoch several times faster, and
    // listing the rest once per message keeps the check out of the per-feature loop
    int n = 0;
    for (int k = 0; k < classes; k++) {
      if (Math.abs(gradient[k]) >= NEGLIGIBLE) {
        scaled[n] = (float) (count * gradient[k]);
        active[n++] = k;
      }
    }
    // float arithmetic, as the weights are stored: (float) Math.sqrt of a float compiles to a
    // single-precision square root, several times cheaper than mixing doubles into each step
    float l2f = (float) l2;
    float ratef = (float) rate;
    for (int f = 0; f < context.length; f++) {
      int base = context[f] * classes;
      float value = values == null ? 1f : values[f];
      for (int a = 0; a < n; a++) {
        int at = base + active[a];
        float g = scaled[a] * value + l2f * weights[at];
        float square = squares[at] + g * g;
        squares[at] = square;
        weights[at] -= ratef * g / ((float) Math.sqrt(square) + 1e-8f);
      }
    }
  }

  private static QNModel toModel(float[] weights, DataIndexer data, int classes, int predicates) {
    int[] all = new int[classes];
    for (int k = 0; k < classes; k++) {
      all[k] = k;
    }
    Context[] params = new Context[predicates];
    for (int p = 0; p < predicates; p++) {
      double[] row = new double[classes];
      for (int k = 0; k < classes; k++) {
        row[k] = weights[p * classes + k];
      }
      params[p] = new Context(all, row);
    }
    return new QNModel(params, data.getPredLabels(), data.getOutcomeLabels());
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
  }
}
