import Foundation

extension LeadPhrases {
    /// Phrases naming when to start, and phrases saying there is no hurry.
    static let timeline: [LeadPhrase] =
        entries(
            .timeline(.immediate), "timeline.phrase",
            [
                "asap", "a.s.a.p", "urgent", "urgente", "urgents", "urgently", "urgence", "urgemment", "en urgence",
                "right away", "straight away", "immediat*", "tout de suite", "toute de suite", "tt de suite",
                "des que possible", "dans les plus brefs delais", "dans les meilleurs delais", "as soon as possible",
                "as soon as you can", "as soon as we can", "au plus vite", "au plus tot", "le plus vite possible",
                "le plus tot possible", "le plus rapidement possible", "au plus rapide", "this week", "cette semaine",
                "this weekend", "ce week_end", "ce weekend", "des demain", "demain", "tomorrow", "d ici demain", "by tomorrow", "pour demain",
                "from tomorrow",
                "starting tomorrow", "des aujourd hui", "starting today", "start today", "commencer aujourd hui",
                "des maintenant", "from now on", "d ici la fin de la semaine", "by the end of the week", "end of this week",
                "by end of week", "avant la fin de la semaine", "dans les prochains jours", "in the next few days",
                "in the coming days", "next few days", "within days", "within the week", "dans la semaine", "yesterday",
                "pour hier", "c est pressant", "pressant", "it s pressing", "top priority", "priorite absolue",
                "tres rapidement", "tres vite", "very quickly", "very soon", "need it now", "need this now", "needed now",
                "want it now", "starting now", "start now", "commencer maintenant", "demarrer maintenant", "lancer maintenant",
                "besoin maintenant", "sans attendre", "without delay", "sans delai", "at once",
            ])
        + entries(
            .timeline(.month), "timeline.phrase",
            [
                "next month", "le mois prochain", "mois prochain", "prochain mois", "within a month", "within the month",
                "dans le mois", "d_ici un mois", "d_ici le mois prochain", "in a month", "dans un mois", "next week",
                "la semaine prochaine", "semaine prochaine", "prochaine semaine", "in a few weeks", "in a couple of weeks",
                "dans quelques semaines", "d_ici quelques semaines", "in the coming weeks", "dans les semaines a venir",
                "dans les prochaines semaines", "in the next few weeks", "next few weeks", "this month", "ce mois ci",
                "ce mois", "end of the month", "end of month", "fin du mois", "fin de mois", "sous quinzaine",
                "d_ici la fin du mois", "by the end of the month", "avant la fin du mois", "courant du mois",
                "rapidement", "quickly", "soon", "bientot", "sous peu", "shortly", "prochainement", "fairly soon",
                "assez vite", "pretty soon", "in the near future", "dans un futur proche", "a court terme",
                "short term", "court terme",
            ])
        + entries(
            .timeline(.quarter), "timeline.phrase",
            [
                "next quarter", "le trimestre prochain", "trimestre prochain", "prochain trimestre", "this quarter",
                "ce trimestre", "within the quarter", "dans le trimestre", "in a couple of months", "in a few months",
                "dans quelques mois", "d_ici quelques mois", "next couple of months", "next few months",
                "in the coming months", "dans les mois a venir", "dans les prochains mois", "end of the quarter",
                "end of quarter", "fin du trimestre", "d_ici la fin du trimestre", "by the end of the quarter",
                "avant la fin du trimestre",
            ])
        + entries(
            .timeline(.later), "timeline.phrase",
            [
                "next year", "l annee prochaine", "annee prochaine", "l an prochain", "an prochain", "prochaine annee",
                "in a year", "dans un an", "d_ici un an", "within a year", "later this year", "plus tard dans l annee",
                "end of the year", "end of year", "fin d annee", "fin de l annee", "d_ici la fin de l annee",
                "by the end of the year", "avant la fin de l annee", "long term", "long_terme", "longer term",
                "someday", "some day", "eventually", "plus tard", "later on", "at some point", "un de ces jours",
                "next semester", "semestre prochain", "prochain semestre", "l annee d apres", "dans l annee",
            ])
        + entries(
            .noRush, "timeline.no-rush",
            [
                "pas presse", "pas pressee", "pas presses", "pas pressees", "pas trop presse", "pas trop pressee",
                "rien ne presse", "rien de presse", "ca ne presse pas", "pas urgent", "pas urgente", "pas tres urgent",
                "pas si urgent", "pas d urgence", "aucune urgence", "sans urgence", "pas de rush", "pas de precipitation",
                "no rush", "not in a rush", "in no rush", "no hurry", "not in a hurry", "in no hurry", "not urgent",
                "nothing urgent", "no urgency", "not a priority", "pas prioritaire", "take our time", "take my time",
                "prendre notre temps", "prendre mon temps", "on a le temps", "nous avons le temps", "j ai le temps",
                "we have time", "i have time", "pas pour tout de suite", "pas tout de suite", "not right away",
                "not immediately", "pas immediatement", "pas maintenant", "not now", "not right now", "no urgent",
                "rien d urgent", "pas dans l immediat", "pas dans l urgence",
            ])
        + entries(
            .mask(.timeline), "timeline.mask",
            [
                "urgence de", "service d urgence", "urgent care", "fin de mois difficile",
            ])
}
