package org.townhall.bot.insight;

import java.time.LocalDate;
import java.util.List;

/**
 * The figures for a period, channel and team, with the previous period of equal length for trends.
 * Rates are fractions (0..1), null when there is nothing to divide by.
 *
 * @param notRecorded figures the issue asks for that the bot does not record (yet), in words
 */
public record InsightReport(LocalDate from, LocalDate to, String channel, String team, LocalDate previousFrom,
    LocalDate previousTo, Totals totals, List<Count> escalations, List<Helped> helped, List<Times> times,
    List<Count> wrapUps, List<TeamLoad> teams, List<StaffLoad> staff, List<Topic> topics, List<Topic> trending,
    List<Day> daily, List<String> notRecorded) {

  /**
   * The headline figures.
   *
   * @param contacts contacts started (a resident's first message after the start or a close)
   * @param residentMessages messages residents wrote
   * @param closed contacts that ended
   * @param contained of those, ended without the queue or a person
   * @param containmentRate contained / closed
   * @param handedOff handoffs to the queue (every reason)
   * @param escalationRate handedOff / contacts
   * @param clarified messages the bot offered choices for
   * @param clarificationRate clarified / residentMessages
   * @param notUnderstood messages the bot did not understand
   * @param notUnderstoodRate notUnderstood / residentMessages
   * @param abandoned residents who left the queue before a person came
   * @param abandonmentRate abandoned / handedOff
   * @param repeatContacts topics a resident came back about within the repeat window
   * @param repeatRate repeatContacts / topics taken up
   */
  public record Totals(long contacts, long residentMessages, long closed, long contained, Double containmentRate,
      long handedOff, Double escalationRate, long clarified, Double clarificationRate, long notUnderstood,
      Double notUnderstoodRate, long abandoned, Double abandonmentRate, long repeatContacts, Double repeatRate) {}

  /** A count of one kind (an escalation reason, a wrap-up code), with its words. */
  public record Count(String key, String label, long count) {}

  /** "Did that help?" answers about one topic. */
  public record Helped(String topic, String title, long yes, long no) {}

  /**
   * A duration measure: how many were measured, their median and 90th percentile (seconds, the upper
   * bound of the bucket each falls in), null with none.
   */
  public record Times(String measure, String label, long count, Long medianSeconds, Long p90Seconds) {}

  /** One team's load: contacts about its topics, handoffs to its queue, taken by and closed by its staff. */
  public record TeamLoad(String team, long contacts, long handedOff, long taken, long closed) {}

  /** One member of staff's load: conversations they took, and closed. */
  public record StaffLoad(String username, long taken, long closed) {}

  /** A topic: taken up this period and the previous one, and repeat contacts about it this period. */
  public record Topic(String topic, String title, long count, long previous, long change, long repeats) {}

  /** One day's headline counts. */
  public record Day(LocalDate day, long contacts, long contained, long handedOff) {}
}
