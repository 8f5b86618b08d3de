package org.townhall.bot.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.townhall.bot.conversation.ConversationCommits.Answer;
import org.townhall.bot.conversation.ConversationCommits.Change;

/**
 * Residents' requests for a reply after they have gone: leaving an email address or phone number
 * (a step of the conversation's machine, so only while waiting for or with staff), the list staff
 * work through, who took each on and how it ended, and how many staff replies were emailed. Each
 * change is a version-checked commit of the conversation the request belongs to, so it is kept and
 * deleted with it, in either store.
 */
@Service
public class CallBacks {

  private final ConversationStore store;
  private final ConversationCommits commits;
  private final ConversationMachine machine;
  private final ContactConsent consent;
  private final Clock clock;
  private final boolean emailReplies;

  CallBacks(ConversationStore store, ConversationCommits commits, ConversationMachine machine, ContactConsent consent,
      Clock clock, ObjectProvider<JavaMailSender> mail) {
    this.store = store;
    this.commits = commits;
    this.machine = machine;
    this.consent = consent;
    this.clock = clock;
    this.emailReplies = mail.getIfAvailable() != null;
  }

  /**
   * Whether staff replies can be emailed: only when the council configured an SMTP server
   * ({@code spring.mail.host}). Without one residents are offered a call-back by phone only.
   */
  public boolean emailReplies() {
    return emailReplies;
  }

  /** What residents read before they leave their details: what they are used for, and how long they are kept. */
  public String consent() {
    return consent.sentence();
  }

  /**
   * Records what the resident left; a second time replaces the first. The resident is told in the
   * transcript, which never holds the details themselves.
   *
   * @return the request as recorded, or empty when the conversation is not waiting for or with staff
   * @throws ConversationNotFoundException if the conversation does not exist
   * @throws ContactDetails.Invalid for an email address while replies cannot be emailed
   */
  public Optional<CallBackRequest> leave(String id, ContactDetails details) {
    if (details.email() != null && !emailReplies) {
      throw new ContactDetails.Invalid("email", "We can't email replies at the moment. Please leave a UK phone "
          + "number instead, and we'll call you back.");
    }
    return store.withConversationLock(id, () -> commits.<Optional<CallBackRequest>>change(id, current -> {
      Turn turn = new Turn(current, clock.instant(), null, null, null, null).withContact(details);
      return machine.fire(current.state(), ConversationEvent.CONTACT_LEFT, turn)
          .<ConversationCommits.Decision<Optional<CallBackRequest>>>map(state -> new Change<>(turn.after(state),
              turn.replies(), done -> Optional.of(done.record().callBack())))
          .orElseGet(() -> new Answer<>(Optional.empty()));
    }, () -> {
      throw new ConversationNotFoundException(id);
    }, () -> {
      throw new IllegalStateException("conversation " + id + " kept changing; gave up");
    }));
  }

  /** Requests left, the most recent first, at most {@code limit}, whatever became of their conversations. */
  public List<ConversationRecord> list(int limit) {
    return store.callBacks(limit);
  }

  /** A member of staff takes the call-back on; refused while a colleague has it. */
  public StaffOutcome take(String id, String staff) {
    return changeRequest(id, request -> {
      if (request.takenBy() != null && !request.takenBy().equals(staff)) {
        return Optional.of("This call-back is with " + request.takenBy() + ".");
      }
      return Optional.empty();
    }, request -> request.takenBy() != null ? request : request.takenBy(staff, clock.instant()));
  }

  /** Records how the call-back ended; whoever sets it has taken it, if nobody had. */
  public StaffOutcome settle(String id, String staff, CallBackOutcome outcome) {
    return changeRequest(id, request -> Optional.empty(), request -> {
      CallBackRequest taken = request.takenBy() == null ? request.takenBy(staff, clock.instant()) : request;
      return taken.settled(outcome, staff, clock.instant());
    });
  }

  /** Counts a staff reply emailed to the resident, or given up after every attempt. */
  public void emailed(String id, boolean sent) {
    changeRequest(id, request -> Optional.empty(), request -> request.emailed(sent));
  }

  private StaffOutcome changeRequest(String id,
      java.util.function.Function<CallBackRequest, Optional<String>> refusal,
      java.util.function.UnaryOperator<CallBackRequest> change) {
    return commits.change(id, current -> {
      if (current.callBack() == null) {
        return new Answer<>(StaffOutcome.conflict(current, "Nobody left details for a call-back here."));
      }
      Optional<String> refused = refusal.apply(current.callBack());
      if (refused.isPresent()) {
        return new Answer<>(StaffOutcome.conflict(current, refused.get()));
      }
      return new Change<>(current.withCallBack(change.apply(current.callBack())), List.of(),
          done -> StaffOutcome.done(done.record()));
    }, StaffOutcome::notFound, () -> StaffOutcome.conflict(store.find(id).orElse(null),
        "The conversation kept changing; try again."));
  }
}
