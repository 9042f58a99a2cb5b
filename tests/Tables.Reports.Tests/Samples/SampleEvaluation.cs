using Tables.Reports.Models;

namespace Tables.Reports.Tests.Samples;

/// <summary>The evaluation of the Tilleuls plan: the sample plan's actions with outcomes and indicators.</summary>
public static class SampleEvaluation
{
    public static EvaluationReport Create(string language = "fr")
    {
        var plan = SamplePlan.Create(language);
        var random = new Random(2028_12);
        var priorities = plan.Priorities.Select(p => new EvaluatedPriority
        {
            Title = p.Title,
            Actions = p.Actions.Select((a, i) =>
            {
                var outcome = (Outcome)((i + p.Title.Length) % 3 == 2 && i > 1 ? 2 : (i + p.Title.Length) % 2);
                var status = outcome == Outcome.Achieved ? ActionStatus.Done : outcome == Outcome.Partly ? ActionStatus.InProgress : a.Status == ActionStatus.Suspended ? ActionStatus.Suspended : ActionStatus.Cancelled;
                return new EvaluatedAction
                {
                    Title = a.Title,
                    Lead = a.Lead,
                    Status = status,
                    Tag = a.Tag,
                    Budget = a.Budget,
                    Outcome = outcome,
                    Comment = outcome switch
                    {
                        Outcome.Achieved => "Objectif atteint dans les délais ; les partenaires souhaitent pérenniser l'action.",
                        Outcome.Partly => "Avancée réelle, mais le financement demandé n'a été accordé qu'en partie : l'action se poursuit au prochain cycle.",
                        _ => "Action reportée : le partenaire principal a perdu son financement de base en 2027.",
                    },
                    Indicators = i < 2 ? [Indicator(a.Title, random, i)] : [],
                };
            }).ToArray(),
        }).ToArray();
        var actions = priorities.SelectMany(p => p.Actions).ToList();
        return new EvaluationReport
        {
            Table = plan.Table,
            Cycle = plan.Cycle,
            Language = language,
            Produced = new DateOnly(2028, 12, 2),
            Summary =
            [
                $"Au terme du plan de quartier 2025-2028, {actions.Count(a => a.Outcome == Outcome.Achieved)} des {actions.Count} actions ont atteint leur objectif et {actions.Count(a => a.Outcome == Outcome.Partly)} l'ont atteint en partie. Les chiffres de ce rapport sont calculés à partir des données saisies tout au long du cycle.",
                "La mobilisation est restée forte : trois forums, plus de 400 participations et des partenaires qui ont publié régulièrement l'avancement de leurs actions. Les recommandations, en fin de document, nourriront le prochain portrait du quartier.",
            ],
            Participation = new ParticipationFigures
            {
                ForumsHeld = 3,
                Participants = 412,
                Ideas = 187,
                Ballots = 6,
                BallotsCast = 631,
                Groups = [new("Résident·e", 241), new("Organisme communautaire", 83), new("Institution", 41), new("Milieu économique", 22), new("Autres", 25)],
                OrganisationsBySector = [new("Communautaire", 14), new("Institution publique", 6), new("Économique", 4), new("Culturel", 3), new("Collectif de résidents", 2)],
                PartnersPostingProgress = 17,
                ProgressEntries = 214,
            },
            Chain = new IdeaChain(187, 9, plan.Priorities.Count, actions.Count, actions.Count(a => a.Status == ActionStatus.Done)),
            Priorities = priorities,
            Levers =
            [
                "Des cartes d'accueil au forum : un bulletin par personne, un résultat que tout le monde a reconnu.",
                "Un tableau de bord public mis à jour par les partenaires eux-mêmes : moins de réunions de suivi, plus de transparence.",
                "Le financement pluriannuel de l'arrondissement pour le verdissement.",
            ],
            Obstacles =
            [
                "La hausse des coûts de construction a retardé la coopérative d'habitation.",
                "Le roulement du personnel dans deux organismes porteurs.",
                "Des demandes de financement refusées ou accordées en partie (programme provincial).",
            ],
            Testimonies =
            [
                new("Pour la première fois, j'ai vu mon idée de ruelle verte devenir un chantier, et je pouvais suivre où elle en était.", "Résidente du secteur est, forum de bilan"),
                new("Le registre des loyers nous a donné des chiffres que personne ne pouvait contester devant l'arrondissement.", "Comité logement des Tilleuls"),
            ],
            Recommendations =
            [
                "Reconduire les actions en habitation non terminées dans le prochain plan, avec leur historique.",
                "Prévoir dès le départ un financement de relève pour les actions portées par un seul organisme.",
                "Tenir un forum de mi-parcours pour ajuster le plan avec les résidentes et résidents.",
                "Mieux rejoindre les personnes nouvellement arrivées : interprétation aux forums, affiches en plusieurs langues.",
            ],
        };
    }

    private static IndicatorResult Indicator(string action, Random random, int kind)
    {
        var (name, unit, baseline, target) = kind == 0
            ? ($"{action} : personnes rejointes", "", 0m, 300m)
            : ($"{action} : part de la cible budgétaire", "%", 0m, 100m);
        var values = new List<IndicatorValue>();
        var value = baseline;
        for (var quarter = 0; quarter < 8; quarter++)
        {
            value += (target - baseline) * (decimal)(0.06 + random.NextDouble() * 0.12);
            values.Add(new IndicatorValue(new DateOnly(2026, 9, 1).AddMonths(quarter * 3), Math.Round(value)));
        }
        return new IndicatorResult(name, unit, baseline, target, values);
    }
}
