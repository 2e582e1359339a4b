//! Big meetings: made-up participant names in the scripts the app shows (Latin with accents,
//! Greek, Cyrillic, Chinese, Japanese, Korean), made-up chat lines, and the steady chat of a
//! meeting whose spec asks for one ([`MeetingSpec::chatter_ms`]): a message at that interval
//! from its non-guest participants in turn, while at least one guest is in the meeting.

use std::time::Duration;

use super::{ChatLine, Member, World};
use crate::emulator::config::{MeetingSpec, Role, ScriptedParticipant};
use crate::emulator::messaging::{self, MessageFormat};

/// Chat lines a meeting keeps for the control API; older ones drop off.
pub const MEETING_CHAT_KEPT: usize = 5_000;

const FIRST: [&str; 24] = [
    "Ada", "José", "Zoë", "Björn", "Amélie", "Łukasz", "Siobhán", "Çağla", "Nikos", "Olga", "Ines",
    "Mateo", "Freya", "Darius", "Noor", "Kai", "Léa", "Tomás", "Aiko", "Ravi", "Emeka", "Hanna",
    "Pål", "Greta",
];
const LAST: [&str; 20] = [
    "Álvarez",
    "Müller",
    "Novák",
    "O'Brien",
    "Dupont",
    "Kowalski",
    "Rossi",
    "Jansen",
    "Søndergaard",
    "Papadopoulos",
    "Ivanova",
    "Haddad",
    "Okafor",
    "Tanaka",
    "Silva",
    "Nguyen",
    "Schröder",
    "Lindqvist",
    "Moreau",
    "Yılmaz",
];
/// Whole names in scripts written without a Latin first/last split.
const WHOLE: [&str; 12] = [
    "山田太郎",
    "佐藤花子",
    "김민준",
    "이서연",
    "王芳",
    "李伟",
    "Γιώργος Παππάς",
    "Ελένη Νικολάου",
    "Иван Петров",
    "Мария Смирнова",
    "鈴木一郎",
    "박지훈",
];

/// The `n`th made-up name (n from 0): mostly first and last names mixed, every fifth a whole
/// name in another script; a number is added once the combinations run out.
pub fn crowd_name(n: usize) -> String {
    if n % 5 == 4 {
        let i = n / 5;
        let base = WHOLE[i % WHOLE.len()];
        return match i / WHOLE.len() {
            0 => base.to_string(),
            round => format!("{base} {}", round + 1),
        };
    }
    let i = n - n / 5;
    let first = FIRST[i % FIRST.len()];
    let last = LAST[(i % FIRST.len() + i / FIRST.len()) % LAST.len()];
    match i / (FIRST.len() * LAST.len()) {
        0 => format!("{first} {last}"),
        round => format!("{first} {last} {}", round + 1),
    }
}

const LINES: [&str; 16] = [
    "Good morning, everyone.",
    "Can everyone see the agenda?",
    "Thanks for the update on the new branch opening hours.",
    "Will the slides be shared after the meeting?",
    "Question: does the new appointment system work on phones too?",
    "+1 to that question.",
    "The sound is fine on my side.",
    "Could you repeat the last point, please?",
    "Great news about the waiting times!",
    "Is there a deadline for the survey?",
    "I joined a few minutes late, what did I miss?",
    "Thank you, that answers it.",
    "Where can I find the recording later?",
    "Looking forward to the Q&A.",
    "Our team has already tried it and likes it a lot, especially the reminders by text \
     message the day before an appointment.",
    "ありがとうございます。",
];

/// The `n`th made-up chat line (n from 0).
pub fn crowd_line(n: usize) -> String {
    let line = LINES[n % LINES.len()];
    match n / LINES.len() {
        0 => line.to_string(),
        round => format!("{line} ({})", round + 1),
    }
}

/// `count` made-up attendees, starting at name number `from`.
pub fn crowd(from: usize, count: usize) -> Vec<ScriptedParticipant> {
    (from..from + count)
        .map(|n| ScriptedParticipant::new(&crowd_name(n), Role::Attendee, None))
        .collect()
}

/// Where a meeting's steady chat is.
#[derive(Debug, Clone, Copy, Default)]
pub struct Chatter {
    /// Since the emulator started: when the next message is due.
    pub next: Duration,
    /// Messages sent so far (picks the speaker and the line).
    pub sent: usize,
}

/// Send IM `text` into meeting `m` from `member`: every guest with connected messaging gets
/// it, and the meeting keeps it for the control API. Returns how many guests got it.
pub(crate) fn say(
    w: &mut World,
    m: usize,
    member: &Member,
    text: &str,
    format: MessageFormat,
) -> usize {
    let Some(meeting) = w.meetings.get_mut(m) else {
        return 0;
    };
    meeting.chat.push(ChatLine {
        from: member.name.clone(),
        text: text.to_string(),
    });
    if meeting.chat.len() > MEETING_CHAT_KEPT + MEETING_CHAT_KEPT / 10 {
        let extra = meeting.chat.len() - MEETING_CHAT_KEPT;
        meeting.chat.drain(..extra);
    }
    w.guests_in(m, "")
        .iter()
        .filter(|g| messaging::deliver_incoming(w, g, &member.pid, &member.name, text, format))
        .count()
}

/// The next speaker of a steady chat: the meeting's attendees in turn (its leaders when it
/// has no attendees).
fn speaker(members: &[Member], turn: usize) -> Option<&Member> {
    let attendees: Vec<&Member> = members
        .iter()
        .filter(|p| p.role == Role::Attendee)
        .collect();
    if attendees.is_empty() {
        members.get(turn % members.len().max(1))
    } else {
        attendees.get(turn % attendees.len()).copied()
    }
}

/// Send the steady-chat messages that are due at `now`; returns when the next one is due
/// (`None`: no meeting chatters).
pub(crate) fn chatter_tick(w: &mut World, now: Duration) -> Option<Duration> {
    let mut next_due: Option<Duration> = None;
    for m in 0..w.meetings.len() {
        let meeting = &w.meetings[m];
        let Some(every) = chatter_interval(&meeting.spec) else {
            continue;
        };
        if meeting.ended || meeting.guests.is_empty() {
            // Quiet without an audience; it starts again a full interval after a guest comes.
            w.meetings[m].chatter.next = now + every;
            next_due = Some(next_due.map_or(now + every, |d| d.min(now + every)));
            continue;
        }
        if meeting.chatter.next <= now {
            let sent = meeting.chatter.sent;
            if let Some(member) = speaker(&meeting.roster, sent).cloned() {
                say(w, m, &member, &crowd_line(sent), MessageFormat::Plain);
            }
            let c = &mut w.meetings[m].chatter;
            c.sent += 1;
            c.next = now + every;
        }
        let due = w.meetings[m].chatter.next;
        next_due = Some(next_due.map_or(due, |d| d.min(due)));
    }
    next_due
}

fn chatter_interval(spec: &MeetingSpec) -> Option<Duration> {
    spec.chatter_ms
        .filter(|ms| *ms > 0)
        .map(|ms| Duration::from_millis(ms.max(50)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_and_in_several_scripts() {
        let names: Vec<String> = (0..1000).map(crowd_name).collect();
        let distinct: std::collections::BTreeSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
        assert!(names.iter().any(|n| n == "山田太郎"));
        assert!(names.iter().any(|n| n == "김민준"));
        assert!(names.iter().any(|n| n.contains('é')));
        assert_eq!(crowd(3, 2).len(), 2);
    }

    #[test]
    fn a_steady_chat_speaks_only_with_a_guest_there_and_at_its_pace() {
        use crate::emulator::config::{EventStyle, LobbyPolicy};
        let spec = MeetingSpec {
            join_url: "https://meet.example/hana/HALL".into(),
            organizer: "hana".into(),
            conference_id: "HALL".into(),
            subject: "Hall".into(),
            policy: LobbyPolicy::Open,
            participants: vec![ScriptedParticipant::new("Hana", Role::Leader, None)],
            event_style: EventStyle::Detailed,
            anonymous_join: true,
            html_messages: false,
            phone: Default::default(),
            chatter_ms: Some(1_000),
        };
        let mut w = World::default();
        let mut m = super::super::Meeting::new(spec, "contoso.example", false);
        for p in crowd(0, 3) {
            m.add_member("contoso.example", &p.name, p.role, None);
        }
        w.meetings.push(m);
        let s = Duration::from_secs;
        // Nobody listening: quiet, next due a full interval later.
        assert_eq!(chatter_tick(&mut w, s(0)), Some(s(1)));
        assert!(w.meetings[0].chat.is_empty());
        w.meetings[0].guests.push("app-1".into());
        assert_eq!(chatter_tick(&mut w, s(0)), Some(s(1)), "not due yet");
        assert!(w.meetings[0].chat.is_empty());
        chatter_tick(&mut w, s(1));
        chatter_tick(&mut w, s(2));
        let said: Vec<(&str, &str)> = w.meetings[0]
            .chat
            .iter()
            .map(|l| (l.from.as_str(), l.text.as_str()))
            .collect();
        assert_eq!(
            said,
            [
                (crowd_name(0).as_str(), crowd_line(0).as_str()),
                (crowd_name(1).as_str(), crowd_line(1).as_str())
            ],
            "attendees in turn, not the organizer"
        );
    }

    #[test]
    fn lines_repeat_with_a_round_number() {
        assert_eq!(crowd_line(0), "Good morning, everyone.");
        assert_eq!(crowd_line(LINES.len()), "Good morning, everyone. (2)");
    }
}
