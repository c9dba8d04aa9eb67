//! A seeded generator of news-style drafts for benchmarks: invented people,
//! quotes in the common attribution patterns, real law names, Markdown
//! structure. The same seed always gives the same drafts.

pub struct DraftGen {
    rng: fastrand::Rng,
}

const FIRST: &[&str] = &[
    "Marisol", "Tomasz", "Renata", "Irwin", "Dana", "Amos", "Lorna", "Peter", "Keiko", "Obinna",
    "Sunita", "Grigor", "Halima", "Bertrand", "Yusuf", "Ingrid",
];
const LAST: &[&str] = &[
    "Okafor",
    "Reyes",
    "Salgado",
    "Castellanos",
    "Whitcombe",
    "Feld",
    "Haddix",
    "Lindqvist",
    "Tanabe",
    "Mensah",
    "Raghavan",
    "Petrosyan",
    "Diallo",
    "Fournier",
    "Demir",
    "Solberg",
];
const ROLES: &[&str] = &[
    "a spokesperson for the transit authority",
    "the county's budget director",
    "a senior engineer at the water district",
    "the union's chief negotiator",
    "a member of the school board",
];
const LAWS: &[&str] = &[
    "CHIPS and Science Act",
    "Inflation Reduction Act",
    "Wolf Amendment",
    "America COMPETES Act of 2022",
    "Pub. L. 117-167",
    "Harbor Dredging Modernization Act of 2019",
];
/// Laws a desk names now and then: three in ten law mentions come from
/// this longer tail, so each is named in a few hundred places across a
/// large desk rather than in thousands.
pub const RARE_LAWS: &[&str] = &[
    "Clean Air Act",
    "Clean Water Act",
    "Freedom of Information Act",
    "Americans with Disabilities Act",
    "Voting Rights Act of 1965",
    "Endangered Species Act",
    "Safe Drinking Water Act",
    "National Environmental Policy Act",
    "Fair Housing Act",
    "Family and Medical Leave Act",
    "Dodd-Frank Act",
    "Sarbanes-Oxley Act",
    "USA PATRIOT Act",
    "Affordable Care Act",
    "Every Student Succeeds Act",
    "Infrastructure Investment and Jobs Act",
    "American Rescue Plan Act of 2021",
    "Bipartisan Safer Communities Act",
    "Violence Against Women Act",
    "Fair Labor Standards Act",
    "Occupational Safety and Health Act",
    "Federal Election Campaign Act",
    "Stafford Act",
    "Farm Bill",
    "Social Security Act",
    "Civil Rights Act of 1964",
    "Telecommunications Act of 1996",
    "Communications Decency Act",
    "Foreign Intelligence Surveillance Act",
    "National Voter Registration Act",
    "Coastal Zone Management Act",
    "Resource Conservation and Recovery Act",
    "Toxic Substances Control Act",
    "Federal Power Act",
    "Energy Policy Act of 2005",
    "No Child Left Behind Act",
    "Higher Education Act",
    "Older Americans Act",
    "Medicare Modernization Act",
    "Magnuson-Stevens Act",
];
const CLAIMS: &[&str] = &[
    "We will not close a single branch this year",
    "The numbers do not add up, and everyone in this room knows it",
    "Nobody asked the families who live next to the plant",
    "This is the largest investment the county has seen in a generation",
    "We expect the repairs to take most of the summer",
    "The board has a duty to tell residents what the water costs",
];
const FILLER: &[&str] = &[
    "The council met for three hours on Tuesday night.",
    "Residents lined up outside the hearing room before the doors opened.",
    "The proposal would raise the average bill by about $6 a month.",
    "A final vote is expected in the spring.",
    "The district has applied for federal money twice before.",
    "Several speakers asked the board to delay the decision.",
];

impl DraftGen {
    pub fn new(seed: u64) -> Self {
        DraftGen {
            rng: fastrand::Rng::with_seed(seed),
        }
    }

    fn next(&mut self) -> u64 {
        self.rng.u64(..)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.rng.usize(..items.len())]
    }

    /// One paragraph of copy with a quote, an attribution and maybe a law.
    pub fn paragraph(&mut self, out: &mut String) {
        let (first, last) = (self.pick(FIRST), self.pick(LAST));
        let claim = self.pick(CLAIMS);
        match self.next() % 6 {
            0 => out.push_str(&format!(
                "{first} {last}, {}, said the plan was \"{}.\"",
                self.pick(ROLES),
                claim.to_lowercase()
            )),
            1 => out.push_str(&format!("\"{claim},\" {last} said.")),
            2 => out.push_str(&format!("\"{claim},\" said {first} {last}.")),
            3 => out.push_str(&format!("{first} {last} said: \"{claim}.\"")),
            4 => out.push_str(&format!(
                "\"{claim},\" she said, adding that the vote could slip."
            )),
            _ => out.push_str(&format!("\"{claim}.\"")),
        }
        out.push(' ');
        out.push_str(self.pick(FILLER));
        if self.next() % 3 == 0 {
            let law = if self.next() % 10 < 3 {
                self.pick(RARE_LAWS)
            } else {
                self.pick(LAWS)
            };
            out.push_str(&format!(" The money comes from the {law}."));
        }
        out.push_str("\n\n");
    }

    /// A draft of roughly `words` words.
    pub fn draft(&mut self, words: usize) -> String {
        let mut out = format!(
            "# {} {} on the {} budget\n\n",
            self.pick(LAST),
            "speaks",
            self.pick(&["library", "transit", "water", "school"])
        );
        let mut count = out.split_whitespace().count();
        while count < words {
            let before = out.len();
            self.paragraph(&mut out);
            count += out[before..].split_whitespace().count();
        }
        out
    }
}
