package org.townhall.nlp.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import org.townhall.nlp.text.IntentFeatures;

/**
 * The model file format: a magic string and version, the training settings (which fix the
 * features), which word vectors the features used (version 3 on), the calibration temperature,
 * then OpenNLP's own binary model, length-prefixed.
 *
 * <p>Version 3 added word vectors. It is a new version, not a new key in version 2, so that an
 * older reader refuses a model it would misread (it would silently leave the vectors out).
 */
final class ModelFile {

  private static final String MAGIC = "townhall-intent-model";
  static final int VERSION = 3;
  /** Written before word vectors: read as trained without them. */
  private static final int VERSION_WITHOUT_VECTORS = 2;
  private static final int MAX_MEMBERS = 100;
  private static final int MAX_MODEL_BYTES = 1 << 30;

  private ModelFile() {}

  static void write(IntentModel intentModel, List<MaxentModel> members, OutputStream out)
      throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeUTF(MAGIC);
    data.writeInt(VERSION);
    data.writeUTF(intentModel.settings().serialize());
    data.writeUTF(intentModel.features().wordVectorsId());
    data.writeDouble(intentModel.temperature());
    data.writeInt(members.size());
    for (MaxentModel member : members) {
      ByteArrayOutputStream opennlp = new ByteArrayOutputStream();
      try (DataOutputStream modelOut = new DataOutputStream(opennlp)) {
        new GenericModelWriter((AbstractModel) member, modelOut).persist();
      }
      data.writeInt(opennlp.size());
      opennlp.writeTo(data);
    }
    data.flush();
  }

  static IntentModel read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    String magic;
    try {
      magic = data.readUTF();
    } catch (IOException e) {
      throw new IOException("not a Townhall intent model", e);
    }
    if (!MAGIC.equals(magic)) {
      throw new IOException("not a Townhall intent model");
    }
    int version = data.readInt();
    if (version != VERSION && version != VERSION_WITHOUT_VECTORS) {
      throw new IOException("unsupported intent model version " + version);
    }
    TrainingSettings settings;
    try {
      settings = TrainingSettings.deserialize(data.readUTF());
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt intent model settings: " + e.getMessage(), e);
    }
    String vectorsId = version == VERSION ? data.readUTF() : "";
    double temperature = data.readDouble();
    int count = data.readInt();
    if (count < 1 || count > MAX_MEMBERS || !(temperature > 0)) {
      throw new IOException("corrupt intent model header");
    }
    List<MaxentModel> members = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      members.add(readMember(data));
    }
    IntentFeatures features;
    try {
      features = new IntentFeatures(settings.features());
    } catch (IllegalStateException e) {
      throw new IOException("cannot read this intent model: " + e.getMessage(), e);
    }
    if (!features.wordVectorsId().equals(vectorsId)) {
      throw new IOException("this intent model was trained with other word vectors ("
          + (vectorsId.isEmpty() ? "none" : vectorsId) + ") than these ("
          + (features.wordVectorsId().isEmpty() ? "none" : features.wordVectorsId())
          + "): train it again");
    }
    try {
      return new IntentModel(members, features, settings, temperature);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt intent model: " + e.getMessage(), e);
    }
  }

  private static MaxentModel readMember(DataInputStream data) throws IOException {
    int length = data.readInt();
    if (length <= 0 || length > MAX_MODEL_BYTES) {
      throw new IOException("corrupt intent model header");
    }
    byte[] bytes = data.readNBytes(length);
    if (bytes.length != length) {
      throw new IOException("truncated intent model");
    }
    return new GenericModelReader(
        new BinaryFileDataReader(new ByteArrayInputStream(bytes))).getModel();
  }
}
