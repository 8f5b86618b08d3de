import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.townhall.nlp.classify.Folds;
import org.townhall.nlp.classify.IntentModel;
import org.townhall.nlp.classify.IntentScore;
import org.townhall.nlp.classify.IntentTrainer;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.classify.TrainingSettings;
import org.townhall.nlp.content.ContentPackReader;

/**
 * Writes the built-in pack as label TAB text lines (pack.tsv), its phrases alone (phrases.txt),
 * and the pack model's out-of-fold probabilities for each phrase (maxent.tsv: one line per
 * phrase, label=probability pairs), with the folds and settings of
 * {@code cross-validate --folds 10 --seed 1 --set calibrationFolds=0}.
 */
public class OutOfFold {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    List<LabeledText> examples = ContentPackReader.builtIn().trainingExamples();
    TrainingSettings settings = TrainingSettings.defaults().with("calibrationFolds", "0");
    List<List<LabeledText>> folds = Folds.stratified(examples, 10, 1);
    Map<LabeledText, String> scores = new IdentityHashMap<>();
    for (int i = 0; i < folds.size(); i++) {
      IntentModel model = IntentTrainer.train(Folds.allBut(folds, i), settings);
      for (LabeledText example : folds.get(i)) {
        StringBuilder line = new StringBuilder();
        for (IntentScore score : model.classify(example.text()).ranked()) {
          line.append(score.intent()).append('=').append(score.confidence()).append(' ');
        }
        scores.put(example, line.toString().strip());
      }
    }
    try (PrintWriter pack = new PrintWriter(dir.resolve("pack.tsv").toFile(), "UTF-8");
        PrintWriter phrases = new PrintWriter(dir.resolve("phrases.txt").toFile(), "UTF-8");
        PrintWriter maxent = new PrintWriter(dir.resolve("maxent.tsv").toFile(), "UTF-8")) {
      for (LabeledText example : examples) {
        String text = example.text().replaceAll("\\s+", " ");
        pack.println(example.intent() + "\t" + text);
        phrases.println(text);
        maxent.println(scores.get(example));
      }
    }
    System.out.println("out-of-fold scores for " + examples.size() + " phrases");
  }
}
