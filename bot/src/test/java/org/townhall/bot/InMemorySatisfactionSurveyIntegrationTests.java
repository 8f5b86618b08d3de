package org.townhall.bot;

import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.support.TownhallTest;

/** The satisfaction question on the embedded default: the in-memory store. */
@TownhallTest
class InMemorySatisfactionSurveyIntegrationTests extends SatisfactionSurveyContract {

  @Autowired
  StaffStore staffStore;

  @Override
  List<String> storedForTheFigures() {
    return staffStore.satisfactionEvents(StaffStore.SATISFACTION_KEPT).stream().map(Object::toString).toList();
  }
}
