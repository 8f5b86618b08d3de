package org.townhall.bot.content;

import java.util.Map;
import org.townhall.nlp.classify.IntentModel;
import org.townhall.nlp.content.ContentPack;
import org.townhall.nlp.content.IntentDefinition;
import org.townhall.nlp.content.PackArchive;

/**
 * One version of the content, ready to serve: the pack, and the intent and safeguarding models
 * trained from it. Swapped in whole, so a resident's message is understood and answered by one
 * version, never by one version's model and another's answers.
 *
 * @param safeguardingModel null when the pack has no safeguarding folder (nothing to learn)
 */
public record ContentRelease(ContentVersion version, PackArchive files, ContentPack pack, IntentModel intentModel,
    IntentModel safeguardingModel, Map<String, IntentDefinition> intentsById) {

  ContentRelease(ContentVersion version, PackArchive files, ContentPack pack, IntentModel intentModel,
      IntentModel safeguardingModel) {
    this(version, files, pack, intentModel, safeguardingModel, pack.intentsById());
  }

  ContentRelease withVersion(ContentVersion published) {
    return new ContentRelease(published, files, pack, intentModel, safeguardingModel, intentsById);
  }
}
