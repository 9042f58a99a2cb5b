using Tables.Reports.Models;

namespace Tables.Reports.Tests.Samples;

/// <summary>The minutes of the Tilleuls forum of 19 March 2026 (the sample's forum), four ballots.</summary>
public static class SampleProtocol
{
    public static ForumProtocol Create(string language = "fr", bool secretRunoff = false) => new()
    {
        Table = SampleBallots.Table,
        CycleTitle = "Plan de quartier 2025-2028",
        Language = language,
        Title = "Forum citoyen « Les Tilleuls de demain »",
        StartsAt = new DateTime(2026, 3, 19, 19, 0, 0),
        EndsAt = new DateTime(2026, 3, 19, 21, 30, 0),
        Place = "Gymnase de l'école primaire des Érables",
        Participation = ParticipationMode.CheckInCards,
        Facilitators = ["Équipe d'animation de la table", "Carrefour des aînés"],
        Agenda =
        [
            new("Welcome", "Accueil et remise des cartes", new DateTime(2026, 3, 19, 19, 0, 0)),
            new("Portrait", "Le quartier en chiffres : le portrait", new DateTime(2026, 3, 19, 19, 15, 0)),
            new("Ideas", "Vos idées pour les Tilleuls", new DateTime(2026, 3, 19, 19, 35, 0)),
            new("Clustering", "Regroupement des idées par thème", new DateTime(2026, 3, 19, 19, 55, 0)),
            new("Vote", "Choisir 6 priorités sur 9", new DateTime(2026, 3, 19, 20, 5, 0)),
            new("Vote", "Verdir le quartier : jugement majoritaire", new DateTime(2026, 3, 19, 20, 40, 0)),
            new("Closing", "Prochaines étapes et mot de la fin", new DateTime(2026, 3, 19, 21, 20, 0)),
        ],
        Participants = 150,
        Attendance = [new("Résident·e", 88), new("Organisme communautaire", 29), new("Institution", 15), new("Milieu économique", 9), new("Autres", 9)],
        Ideas = Themes(),
        HiddenIdeas = 3,
        MergedIdeas = 7,
        Ballots = [SampleBallots.Approval(), SampleBallots.MajorityJudgment(), SampleBallots.Schulze(), SampleBallots.InstantRunoff(secretRunoff)],
        Produced = new DateOnly(2026, 3, 22),
    };

    private static IdeaTheme[] Themes() =>
    [
        new("Habitation", [I("Plus de logements sociaux près du métro"), I("Un registre des loyers pour freiner les hausses"), I("Aider les locataires à faire valoir leurs droits", true), I("Rénover les HLM de la rue des Érables"), I("Des coopératives d'habitation pour les familles")]),
        new("Sécurité alimentaire", [I("Un marché public le samedi au parc"), I("Des cuisines collectives dans chaque école"), I("Un frigo partagé au centre communautaire", true), I("Une épicerie solidaire à prix réduits"), I("Des jardins communautaires sur les toits"), I("Des paniers de légumes abordables")]),
        new("Environnement", [I("Verdir les ruelles"), I("Planter 500 arbres dans le secteur est"), I("Des îlots de fraîcheur pour les canicules"), I("Plus de bacs de compost", true), I("Réparer plutôt que jeter : un café-réparation")]),
        new("Transport et mobilité", [I("Des traverses piétonnes sécuritaires près des écoles"), I("Une piste cyclable sur la rue Principale"), I("Plus de bancs le long des trottoirs pour les aînés", true), I("Un autobus de quartier le soir"), I("Déneiger les trottoirs en priorité")]),
        new("Réussite éducative", [I("De l'aide aux devoirs gratuite"), I("Des activités parascolaires pour les 12-17 ans"), I("Accompagner les parents nouvellement arrivés"), I("Une bibliothèque ouverte le dimanche")]),
        new("Vie communautaire", [I("Une fête de quartier chaque été"), I("Un lieu de rencontre pour les aînés isolés", true), I("Un répertoire des ressources en plusieurs langues"), I("Soutenir les bénévoles des organismes"), I("Des cafés-rencontres interculturels")]),
        new("Aménagement urbain", [I("Éclairer le passage sous le viaduc"), I("Des toilettes publiques au parc"), I("Une place publique devant la bibliothèque : https://tilleuls.example/idees/place-publique-devant-la-bibliotheque-du-quartier?source=forum&annee=2026")]),
    ];

    private static ProtocolIdea I(string text, bool paper = false) => new(text, paper);
}
