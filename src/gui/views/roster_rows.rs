//! The roster as the rows of a list that may hold hundreds of people: the guest's own entry
//! apart (pinned above the list), then one section each for organizers, attendees and people
//! waiting in the lobby, each in the order the meeting listed them, narrowed by the text typed
//! in the find field (case- and accent-insensitive). Pure: no egui.

use icu_normalizer::DecomposingNormalizerBorrowed;
use icu_properties::CodePointMapData;
use icu_properties::props::GeneralCategory;

use crate::api::wire::Role;
use crate::join::status::Participant;

/// `s` as the find field compares it: compatibility-decomposed (NFKD: `ﬁ` is `fi`, a
/// full-width `Ａ` is `A`), without combining marks (`é` is `e`, `ü` is `u`), lower case, and
/// with runs of white space as one space.
pub fn fold(s: &str) -> String {
    let nfkd = DecomposingNormalizerBorrowed::new_nfkd().normalize(s);
    let category = CodePointMapData::<GeneralCategory>::new();
    let mut out = String::with_capacity(nfkd.len());
    let mut space = false;
    for c in nfkd.chars() {
        if category.get(c) == GeneralCategory::NonspacingMark {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Where a participant is listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Leaders,
    Attendees,
    Lobby,
}

impl Section {
    pub fn of(p: &Participant) -> Self {
        if p.in_lobby {
            Section::Lobby
        } else if p
            .role
            .as_deref()
            .is_some_and(|r| r.eq_ignore_ascii_case(Role::Leader.as_str()))
        {
            Section::Leaders
        } else {
            // Attendees, and roles the app does not know (shown with their own word).
            Section::Attendees
        }
    }

    const ORDER: [Section; 3] = [Section::Leaders, Section::Attendees, Section::Lobby];
}

/// How many people each section holds (the guest included), whatever the filter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub leaders: usize,
    pub attendees: usize,
    pub lobby: usize,
}

impl Counts {
    fn add(&mut self, section: Section) {
        match section {
            Section::Leaders => self.leaders += 1,
            Section::Attendees => self.attendees += 1,
            Section::Lobby => self.lobby += 1,
        }
    }

    pub fn of(&self, section: Section) -> usize {
        match section {
            Section::Leaders => self.leaders,
            Section::Attendees => self.attendees,
            Section::Lobby => self.lobby,
        }
    }
}

/// One row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row<'a> {
    /// A section's heading with the number of its people shown.
    Heading(Section, usize),
    Person(&'a Participant),
}

/// The roster laid out for the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterRows<'a> {
    /// The guest's own entry, shown above the list whatever the filter.
    pub me: Option<&'a Participant>,
    pub rows: Vec<Row<'a>>,
    pub counts: Counts,
    /// People in `rows` (headings aside).
    pub shown: usize,
}

/// The rows for `roster` with `filter` typed in the find field (blank: everyone).
pub fn roster_rows<'a>(roster: &'a [Participant], filter: &str) -> RosterRows<'a> {
    let wanted = fold(filter);
    let mut counts = Counts::default();
    let mut me = None;
    let mut by_section: [Vec<&Participant>; 3] = Default::default();
    for p in roster {
        let section = Section::of(p);
        counts.add(section);
        if p.me {
            me = Some(p);
            continue;
        }
        if wanted.is_empty() || fold(&p.name).contains(&wanted) {
            let i = Section::ORDER
                .iter()
                .position(|s| *s == section)
                .unwrap_or(1);
            by_section[i].push(p);
        }
    }
    let shown = by_section.iter().map(Vec::len).sum();
    let mut rows = Vec::with_capacity(shown + 3);
    for (section, people) in Section::ORDER.into_iter().zip(by_section) {
        if people.is_empty() {
            continue;
        }
        rows.push(Row::Heading(section, people.len()));
        rows.extend(people.into_iter().map(Row::Person));
    }
    RosterRows {
        me,
        rows,
        counts,
        shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str, role: &str) -> Participant {
        Participant {
            id: name.into(),
            name: name.into(),
            role: Some(role.into()),
            me: false,
            on_phone: false,
            in_lobby: false,
        }
    }

    fn names<'a>(rows: &RosterRows<'a>) -> Vec<String> {
        rows.rows
            .iter()
            .map(|r| match r {
                Row::Heading(s, n) => format!("[{s:?} {n}]"),
                Row::Person(p) => p.name.clone(),
            })
            .collect()
    }

    #[test]
    fn fold_ignores_case_accents_and_width() {
        assert_eq!(fold("José ÁLVAREZ"), "jose alvarez");
        assert_eq!(fold("  Zoë   Müller "), "zoe muller");
        assert_eq!(fold("Ｆｕｌｌ"), "full");
        assert_eq!(fold("Łukasz"), "łukasz", "a letter of its own is kept");
        assert_eq!(fold("山田太郎"), "山田太郎");
        // Hangul decomposes into its letters on both sides, so a syllable still finds itself.
        assert!(fold("김민준").contains(&fold("민")));
    }

    #[test]
    fn sections_in_order_with_the_guest_apart_and_counted() {
        let mut me = p("Gus Guest", "Attendee");
        me.me = true;
        let mut waiting = p("Wen Wait", "Attendee");
        waiting.in_lobby = true;
        let roster = vec![
            p("Bob", "Attendee"),
            me,
            p("Ada", "Leader"),
            waiting,
            p("Cy", "Presenter"),
            p("Di", "leader"),
        ];
        let rows = roster_rows(&roster, "");
        assert_eq!(rows.me.map(|p| p.name.as_str()), Some("Gus Guest"));
        assert_eq!(
            names(&rows),
            [
                "[Leaders 2]",
                "Ada",
                "Di",
                "[Attendees 2]",
                "Bob",
                "Cy",
                "[Lobby 1]",
                "Wen Wait"
            ]
        );
        assert_eq!(
            rows.counts,
            Counts {
                leaders: 2,
                attendees: 3,
                lobby: 1
            }
        );
        assert_eq!(rows.shown, 5);
    }

    #[test]
    fn the_filter_finds_names_as_typed_and_keeps_the_guest() {
        let mut me = p("Gus Guest", "Attendee");
        me.me = true;
        let roster = vec![
            p("José Álvarez", "Attendee"),
            p("Joséphine Ngo", "Leader"),
            p("山田太郎", "Attendee"),
            p("Anna Berg", "Attendee"),
            me,
        ];
        let rows = roster_rows(&roster, "jose");
        assert_eq!(
            names(&rows),
            [
                "[Leaders 1]",
                "Joséphine Ngo",
                "[Attendees 1]",
                "José Álvarez"
            ]
        );
        assert!(rows.me.is_some(), "the guest's own entry stays");
        assert_eq!(
            rows.counts.attendees, 4,
            "counts are the meeting's, not the filter's"
        );
        assert_eq!(
            names(&roster_rows(&roster, "ÁLV")),
            ["[Attendees 1]", "José Álvarez"]
        );
        assert_eq!(
            names(&roster_rows(&roster, "山田")),
            ["[Attendees 1]", "山田太郎"]
        );
        let none = roster_rows(&roster, "zzz");
        assert!(none.rows.is_empty());
        assert_eq!(none.shown, 0);
        assert_eq!(roster_rows(&roster, "   ").shown, 4, "blank is everyone");
    }
}
