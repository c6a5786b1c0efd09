import Foundation

extension LeadPhrases {
    /// Months, quarters and the words placing them, read as delays when the qualifier is given a reference date.
    static let calendar: [LeadPhrase] = {
        let months: [(String, Int)] = [
            ("janvier", 1), ("fevrier", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6), ("juillet", 7), ("aout", 8),
            ("septembre", 9), ("octobre", 10), ("novembre", 11), ("decembre", 12), ("january", 1), ("february", 2),
            ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7), ("august", 8), ("september", 9),
            ("october", 10), ("november", 11), ("december", 12),
        ]
        let periods: [(String, Int, Int)] = [
            ("q1", 1, 3), ("q2", 4, 3), ("q3", 7, 3), ("q4", 10, 3), ("t1", 1, 3), ("t2", 4, 3), ("t3", 7, 3), ("t4", 10, 3), ("h1", 1, 6),
            (
                "h2",
                7, 6
            ),
            ("s1", 1, 6), ("s2", 7, 6), ("1er trimestre", 1, 3), ("premier trimestre", 1, 3), ("deuxieme trimestre", 4, 3),
            ("second trimestre", 4, 3), ("2e trimestre", 4, 3), ("troisieme trimestre", 7, 3), ("3e trimestre", 7, 3),
            ("quatrieme trimestre", 10, 3), ("4e trimestre", 10, 3), ("first quarter", 1, 3), ("second quarter", 4, 3),
            ("third quarter", 7, 3), ("fourth quarter", 10, 3), ("rentree", 9, 1), ("la rentree", 9, 1), ("a la rentree", 9, 1),
        ]
        let markers: [(String, LeadDateAnchor)] = [
            ("d_ici", .start), ("dici", .start), ("avant", .start), ("before", .start), ("by", .start), ("from", .start),
            ("starting", .start), ("starting in", .start), ("a partir de", .start), ("a partir d", .start), ("des", .start),
            ("en", .start), ("in", .start), ("pour", .start), ("for", .start), ("debut", .start), ("early", .start),
            ("beginning of", .start), ("au debut de", .start), ("courant", .start), ("dans le courant de", .start),
            ("au mois de", .start), ("in the month of", .start), ("start of", .start), ("at the start of", .start),
            ("mi", .middle), ("mid", .middle), ("in mid", .middle), ("a la mi", .middle), ("vers la mi", .middle),
            ("around mid", .middle), ("fin", .end), ("end of", .end), ("late", .end), ("by the end of", .end),
            ("by end of", .end), ("d_ici fin", .end), ("d_ici la fin", .end), ("d_ici la fin de", .end), ("avant fin", .end),
            ("avant la fin de", .end), ("a la fin de", .end), ("en fin", .end), ("fin de", .end), ("the end of", .end),
            ("at the end of", .end), ("towards the end of", .end), ("vers la fin de", .end),
        ]
        return months.map { LeadPhrase($0.0, .calendarMonth($0.1), rule: "timeline.date") }
            + periods.map { LeadPhrase($0.0, .calendarPeriod(month: $0.1, months: $0.2), rule: "timeline.date") }
            + markers.map { LeadPhrase($0.0, .dateMarker($0.1), rule: "timeline.date") }
    }()
}
