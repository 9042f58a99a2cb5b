using Tables.Reports.Models;

namespace Tables.Reports.Tests.Samples;

/// <summary>The fictional Tilleuls table's plan 2025-2028: 5 priorities, 25 actions, 7 funders.</summary>
public static class SamplePlan
{
    private const string Ville = "Arrondissement des Tilleuls";
    private const string Centraide = "Centraide-Fictif du Grand Montréal";
    private const string Sante = "Santé publique régionale";
    private const string Fondation = "Fondation des Érables";
    private const string Caisse = "Caisse populaire des Tilleuls";
    private const string Quebec = "Ministère de l'Habitation (programme fictif)";
    private const string Climat = "Fonds Climat-Quartiers";

    public static PlanReport Create(string language = "fr", int repeat = 1)
    {
        var priorities = Enumerable.Range(0, repeat).SelectMany(_ => Priorities()).ToArray();
        var actions = priorities.SelectMany(p => p.Actions).ToList();
        var culture = ReportCulture.For(language);
        var budget = culture.Money(actions.Sum(a => a.Budget));
        var granted = culture.Money(actions.SelectMany(a => a.Funding).Where(f => f.Status == FundingStatus.Granted).Sum(f => f.Amount));
        return Create(language, priorities, actions, budget, granted);
    }

    private static PlanReport Create(string language, PlanPriority[] priorities, List<PlanAction> actions, string budget, string granted) => new()
    {
        Table = SampleBallots.Table,
        Cycle = new CycleInfo("Plan de quartier 2025-2028", new DateOnly(2025, 1, 13), new DateOnly(2028, 12, 15)),
        Language = language,
        Produced = new DateOnly(2026, 5, 12),
        Summary =
        [
            "Ce plan d'action est le fruit de quinze mois de concertation : un portrait bâti avec 12 organisations partenaires, trois forums citoyens qui ont réuni 412 participations, et un vote « 6 priorités sur 9 » tenu le 19 mars 2026 au gymnase de l'école primaire des Érables.",
            "Cinq priorités ont été retenues. Pour chacune, les partenaires se sont engagés sur des objectifs mesurables et sur des actions portées par une organisation du quartier, avec un budget et un échéancier. La table en assure le suivi : chaque partenaire publie l'avancement de ses actions, et le tableau de bord public est mis à jour en continu.",
            $"Fin du monde, fin du mois, même combat : {actions.Count(a => a.Tag is TransitionTag.Social or TransitionTag.Both)} des {actions.Count} actions ont une portée sociale, {actions.Count(a => a.Tag is TransitionTag.Ecological or TransitionTag.Both)} une portée écologique, et {actions.Count(a => a.Tag == TransitionTag.Both)} conjuguent les deux. Le plan mobilise {budget}, dont {granted} sont déjà accordés.",
        ],
        Highlights = Highlights(),
        Prioritization = new Prioritization
        {
            Forums = 3,
            Participants = 412,
            Ideas = 187,
            Method =
            [
                "Les idées recueillies lors des deux premiers forums (kiosques, ateliers et formulaires papier) ont été regroupées par thème par le comité de coordination, puis formulées en neuf priorités possibles, validées par les partenaires.",
                "Au forum du 19 mars 2026, chaque personne présente a reçu une carte d'accueil avec un code personnel à usage unique : un bulletin par personne. Le vote, secret, permettait de retenir jusqu'à six priorités sur neuf (approbation plafonnée, comme à Mercier-Est en 2019). Les bulletins papier ont été saisis par l'animation et comptés de la même façon.",
                "Les cinq priorités les plus appuyées forment le plan. Un second vote, au jugement majoritaire, a précisé les moyens de verdir le quartier.",
            ],
            Ballots = [SampleBallots.Approval(), SampleBallots.MajorityJudgment(), SampleBallots.InstantRunoff()],
        },
        Priorities = priorities,
    };

    private static PortraitHighlight[] Highlights() =>
    [
        new("Habitation", "Ménages locataires", "78 %", "Montréal : 63 %", "Recensement 2021 (fictif)"),
        new("Habitation", "Locataires consacrant 30 % ou plus du revenu au loyer", "41 %", "Montréal : 36 %", "Recensement 2021 (fictif)"),
        new("Habitation", "Logements nécessitant des réparations majeures", "11 %", "Montréal : 7 %", "Recensement 2021 (fictif)"),
        new("Habitation", "Loyer médian d'un 4 ½", "1 385 $", "+ 22 % en 3 ans", "Comité logement, relevé 2025"),
        new("Sécurité alimentaire", "Ménages en insécurité alimentaire", "18 %", "Montréal : 12 %", "Santé publique régionale, 2024"),
        new("Sécurité alimentaire", "Distance moyenne d'une épicerie à prix abordable", "1,4 km", "Montréal : 0,8 km", "Analyse de la table, 2025"),
        new("Sécurité alimentaire", "Repas servis par la cuisine collective", "9 600", "par année", "Cuisine collective Le Chaudron"),
        new("Environnement", "Canopée (part du territoire ombragée)", "14 %", "Cible municipale : 25 %", "Arrondissement, 2024"),
        new("Environnement", "Îlots de chaleur (part du territoire)", "37 %", "Montréal : 28 %", "Données ouvertes (fictives)"),
        new("Transport et mobilité", "Ménages sans voiture", "52 %", "Montréal : 35 %", "Enquête Origine-Destination (fictive)"),
        new("Transport et mobilité", "Collisions avec piétons près des écoles", "23", "2021-2024", "Service de police (fictif)"),
        new("Réussite éducative", "Jeunes sortis de l'école sans diplôme", "19 %", "Montréal : 14 %", "Centre de services scolaire (fictif)"),
        new("Réussite éducative", "Enfants vulnérables dans au moins un domaine à la maternelle", "31 %", "Montréal : 28 %", "Enquête québécoise (fictive)"),
        new("Vie communautaire", "Personnes de 65 ans et plus vivant seules", "44 %", "Montréal : 33 %", "Recensement 2021 (fictif)"),
        new("Vie communautaire", "Personnes immigrantes arrivées depuis 5 ans", "12 %", "Montréal : 8 %", "Recensement 2021 (fictif)"),
        new("Vie communautaire", "Organismes communautaires actifs dans le quartier", "34", "dont 12 membres de la table", "Répertoire de la table, 2025"),
    ];

    private static PlanPriority[] Priorities() =>
    [
        new()
        {
            Title = "Du logement abordable et salubre",
            Theme = "Habitation",
            Description = "Les loyers ont augmenté de 22 % en trois ans et un logement sur dix nécessite des réparations majeures. Les partenaires veulent protéger les locataires, améliorer les logements existants et faire naître de nouveaux projets hors marché.",
            Objectives = ["Accompagner 300 ménages locataires par année dans la défense de leurs droits", "Obtenir la rénovation des 120 logements HLM de la rue des Érables", "Lancer une coopérative d'habitation familiale d'au moins 40 logements"],
            Actions =
            [
                A("Registre des loyers du quartier", "Comité logement des Tilleuls", ["Arrondissement des Tilleuls", "Collectif citoyen Ruelles vertes"], 2026, 5, 2027, 12, ActionStatus.InProgress, 35, TransitionTag.Social, (Ville, 45_000, true), (Centraide, 20_000, true)),
                A("Clinique juridique mobile pour les locataires", "Comité logement des Tilleuls", ["Bibliothèque de quartier"], 2026, 6, 2028, 6, ActionStatus.InProgress, 20, TransitionTag.Social, (Centraide, 60_000, true), (Fondation, 35_000, false)),
                A("Rénovation écoénergétique des HLM de la rue des Érables", "Office municipal d'habitation (fictif)", ["Arrondissement des Tilleuls", "Comité logement des Tilleuls"], 2026, 9, 2028, 9, ActionStatus.Planned, 0, TransitionTag.Both, (Quebec, 480_000, false), (Climat, 120_000, true)),
                A("Coopérative d'habitation familiale « Les Jeunes Pousses »", "Groupe de ressources techniques (fictif)", ["Caisse populaire des Tilleuls", "Comité logement des Tilleuls"], 2026, 10, 2028, 12, ActionStatus.Planned, 0, TransitionTag.Social, (Quebec, 250_000, false), (Caisse, 40_000, true)),
                A("Ateliers « Mon logement, mes droits » en plusieurs langues", "Carrefour des aînés", ["Maison de la culture Tilleuls"], 2026, 4, 2027, 6, ActionStatus.Done, 100, TransitionTag.Social, (Sante, 18_000, true)),
            ],
        },
        new()
        {
            Title = "Manger sainement à bon prix",
            Theme = "Sécurité alimentaire",
            Description = "Près d'un ménage sur cinq vit de l'insécurité alimentaire, et l'épicerie abordable la plus proche est à 1,4 km en moyenne. Le plan rapproche l'offre alimentaire des résidentes et résidents.",
            Objectives = ["Ouvrir une épicerie solidaire d'ici l'été 2027", "Doubler le nombre de repas préparés collectivement", "Produire 5 tonnes de légumes dans le quartier chaque saison"],
            Actions =
            [
                A("Épicerie solidaire à prix modulés", "Cuisine collective Le Chaudron", ["Caisse populaire des Tilleuls", "Société de développement commercial Rue Principale"], 2026, 6, 2028, 6, ActionStatus.InProgress, 40, TransitionTag.Social, (Centraide, 90_000, true), (Fondation, 75_000, true), (Caisse, 25_000, true)),
                A("Marché public du samedi au parc Principal", "Société de développement commercial Rue Principale", ["Arrondissement des Tilleuls"], 2026, 6, 2028, 10, ActionStatus.InProgress, 60, TransitionTag.Both, (Ville, 30_000, true), (Caisse, 10_000, true)),
                A("Cuisines collectives dans trois écoles", "Cuisine collective Le Chaudron", ["École primaire des Érables", "CIUSSS du Centre-Fictif"], 2026, 9, 2028, 6, ActionStatus.Planned, 0, TransitionTag.Social, (Sante, 54_000, true)),
                A("Jardins sur les toits et bacs nourriciers", "Collectif citoyen Ruelles vertes", ["Maison des jeunes L'Escale"], 2026, 5, 2028, 9, ActionStatus.InProgress, 30, TransitionTag.Both, (Climat, 48_000, true), (Fondation, 12_000, false)),
                A("Frigo partagé et récupération des invendus", "Carrefour des aînés", ["Société de développement commercial Rue Principale"], 2026, 4, 2026, 12, ActionStatus.Done, 100, TransitionTag.Both, (Ville, 8_500, true)),
            ],
        },
        new()
        {
            Title = "Des ruelles et des parcs plus verts",
            Theme = "Environnement",
            Description = "Avec 14 % de canopée et plus d'un tiers du territoire en îlot de chaleur, le quartier souffre lors des canicules. Les résidentes et résidents ont placé le verdissement en tête du vote au jugement majoritaire.",
            Objectives = ["Planter 500 arbres dans le secteur est", "Aménager 8 ruelles vertes pilotées par les riverains", "Créer un îlot de fraîcheur près de chaque école primaire"],
            Actions =
            [
                A("Plantation de 500 arbres dans le secteur est", "Arrondissement des Tilleuls", ["Collectif citoyen Ruelles vertes", "École primaire des Érables"], 2026, 5, 2028, 10, ActionStatus.InProgress, 25, TransitionTag.Ecological, (Ville, 175_000, true), (Climat, 60_000, true)),
                A("Huit ruelles vertes pilotées par les riverains", "Collectif citoyen Ruelles vertes", ["Arrondissement des Tilleuls"], 2026, 5, 2028, 9, ActionStatus.InProgress, 30, TransitionTag.Ecological, (Ville, 96_000, true), (Climat, 40_000, false)),
                A("Îlots de fraîcheur aux abords des écoles", "École primaire des Érables", ["CIUSSS du Centre-Fictif", "Arrondissement des Tilleuls"], 2027, 3, 2028, 8, ActionStatus.Planned, 0, TransitionTag.Both, (Sante, 70_000, false), (Climat, 55_000, false)),
                A("Compost communautaire dans six ruelles", "Collectif citoyen Ruelles vertes", [], 2026, 6, 2027, 10, ActionStatus.InProgress, 50, TransitionTag.Ecological, (Climat, 14_000, true)),
                A("Café-réparation mensuel", "Maison de la culture Tilleuls", ["Bibliothèque de quartier", "Maison des jeunes L'Escale"], 2026, 9, 2028, 12, ActionStatus.Planned, 0, TransitionTag.Ecological, (Fondation, 9_000, true)),
            ],
        },
        new()
        {
            Title = "Se déplacer en sécurité à pied et à vélo",
            Theme = "Transport et mobilité",
            Description = "Plus de la moitié des ménages n'ont pas de voiture, et 23 collisions avec des piétons ont eu lieu près des écoles en quatre ans. Le plan rend les trajets quotidiens plus sûrs, surtout pour les enfants et les aînés.",
            Objectives = ["Sécuriser les abords des quatre écoles du quartier", "Relier la rue Principale au réseau cyclable", "Installer 60 bancs sur les parcours des aînés"],
            Actions =
            [
                A("Traverses sécuritaires près des écoles", "Arrondissement des Tilleuls", ["École primaire des Érables", "Carrefour des aînés"], 2026, 7, 2027, 11, ActionStatus.InProgress, 45, TransitionTag.Social, (Ville, 140_000, true)),
                A("Piste cyclable protégée sur la rue Principale", "Arrondissement des Tilleuls", ["Société de développement commercial Rue Principale", "Collectif citoyen Ruelles vertes"], 2027, 4, 2028, 10, ActionStatus.Planned, 0, TransitionTag.Ecological, (Ville, 210_000, false), (Climat, 50_000, false)),
                A("Soixante bancs sur les parcours des aînés", "Carrefour des aînés", ["Arrondissement des Tilleuls"], 2026, 5, 2027, 6, ActionStatus.InProgress, 70, TransitionTag.Social, (Ville, 36_000, true), (Sante, 12_000, true)),
                A("Navette de quartier en soirée (projet pilote)", "Carrefour des aînés", ["Société de transport (fictive)"], 2027, 1, 2027, 12, ActionStatus.Suspended, 10, TransitionTag.Both, (Sante, 42_000, false)),
                A("Déneigement prioritaire des trottoirs autour des services", "Arrondissement des Tilleuls", [], 2026, 11, 2028, 4, ActionStatus.Planned, 0, TransitionTag.Social, (Ville, 25_000, true)),
            ],
        },
        new()
        {
            Title = "La réussite éducative des jeunes",
            Theme = "Réussite éducative",
            Description = "Près d'un jeune sur cinq quitte l'école sans diplôme. Écoles, bibliothèque, maison des jeunes et familles s'engagent ensemble, de la petite enfance à la fin du secondaire.",
            Objectives = ["Offrir l'aide aux devoirs gratuite à 200 élèves par année", "Accompagner 80 familles nouvellement arrivées", "Ouvrir la bibliothèque le dimanche"],
            Actions =
            [
                A("Aide aux devoirs gratuite après l'école", "Maison des jeunes L'Escale", ["École primaire des Érables", "Bibliothèque de quartier"], 2026, 9, 2028, 6, ActionStatus.InProgress, 40, TransitionTag.Social, (Centraide, 85_000, true), (Fondation, 40_000, true)),
                A("Activités parascolaires pour les 12-17 ans", "Maison des jeunes L'Escale", ["Maison de la culture Tilleuls"], 2026, 9, 2028, 6, ActionStatus.InProgress, 35, TransitionTag.Social, (Centraide, 55_000, true)),
                A("Accompagnement des parents nouvellement arrivés", "Bibliothèque de quartier", ["CIUSSS du Centre-Fictif", "École primaire des Érables"], 2026, 10, 2028, 6, ActionStatus.Planned, 0, TransitionTag.Social, (Sante, 48_000, false), (Fondation, 20_000, true)),
                A("Bibliothèque ouverte le dimanche", "Bibliothèque de quartier", ["Arrondissement des Tilleuls"], 2026, 9, 2027, 6, ActionStatus.Done, 100, TransitionTag.Social, (Ville, 22_000, true)),
                A("Classe nature et jardin pédagogique", "École primaire des Érables", ["Collectif citoyen Ruelles vertes"], 2027, 4, 2028, 6, ActionStatus.Planned, 0, TransitionTag.Both, (Climat, 18_000, false), (Fondation, 7_500, true)),
            ],
        },
    ];

    private static PlanAction A(string title, string lead, string[] partners, int y1, int m1, int y2, int m2, ActionStatus status, int progress,
        TransitionTag tag, params (string Funder, decimal Amount, bool Granted)[] funding) => new()
    {
        Title = title,
        Lead = lead,
        Partners = partners,
        Start = new DateOnly(y1, m1, 1),
        End = new DateOnly(y2, m2, 1).AddMonths(1).AddDays(-1),
        Status = status,
        Progress = progress,
        Tag = tag,
        Description = $"Portée par {lead}{(partners.Length > 0 ? " avec " + string.Join(" et ", partners) : "")}, cette action répond directement à des idées proposées lors des forums ; son avancement est publié par le porteur dans le tableau de bord de la table.",
        Funding = funding.Select(f => new Funding(f.Funder, f.Amount, f.Granted ? FundingStatus.Granted : FundingStatus.Requested)).ToArray(),
    };
}
