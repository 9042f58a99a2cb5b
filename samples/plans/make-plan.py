# Writes tilleuls-2025-2028.json (fictional sample plan), deterministically: python3 samples/plans/make-plan.py
import json, random, datetime
random.seed(15)
F = ["Centraide-Fictif du Grand Montréal", "Ville de Montréal (programme fictif)", "Santé publique régionale", "Fondation des Érables",
     "Caisse populaire des Tilleuls", "Ministère de l'Habitation (programme fictif)"]
ORG = {"chaudron":"Cuisine collective Le Chaudron","logement":"Comité logement des Tilleuls","escale":"Maison des jeunes L'Escale","aines":"Carrefour des aînés",
 "ciusss":"CIUSSS du Centre-Fictif","arr":"Arrondissement des Tilleuls","ecole":"École primaire des Érables","caisse":"Caisse populaire des Tilleuls",
 "sdc":"Société de développement commercial Rue Principale","culture":"Maison de la culture Tilleuls","ruelles":"Collectif citoyen Ruelles vertes","biblio":"Bibliothèque de quartier"}
AUTH = {"chaudron":"partenaire@tilleuls.example","logement":"logement@tilleuls.example","ciusss":"ciusss@tilleuls.example","caisse":"caisse@tilleuls.example","escale":"animation@tilleuls.example"}
COORD = "coordination@tilleuls.example"
# (option, objectives: (title, actions: (title, theme, tag, lead, partners, group, start, end, status, progress, ideas, funding[(funder idx, amount, status)], indicator)))
P = [
 ("A", [("Loger dignement les familles du quartier", [
    ("Clinique juridique pour locataires", "Habitation", "Social", "logement", ["ciusss"], "Comité logement", "2025-03-01", "2027-06-30", "InProgress", 55, [2,1], [(0,42000,"Received"),(1,15000,"Granted")], ("Ménages accompagnés", "ménages", 0, 300)),
    ("Registre des loyers des Tilleuls", "Habitation", "Social", "logement", ["caisse"], "Comité logement", "2025-06-01", "2026-06-30", "InProgress", 70, [1], [(3,18000,"Granted"),(4,5000,"Received")], ("Logements inscrits", "logements", 0, 1200)),
    ("Projet de coopérative d'habitation familiale", "Habitation", "Both", "logement", ["arr","caisse"], "Comité logement", "2026-01-15", "2028-09-30", "Planned", 5, [4,0], [(5,250000,"Requested"),(1,60000,"Requested")], None),
    ("Rénovation écoénergétique des HLM de la rue des Érables", "Habitation", "Both", "arr", ["logement"], "Comité logement", "2025-09-01", "2026-10-31", "InProgress", 35, [3], [(1,120000,"Granted"),(5,80000,"Received")], ("Logements rénovés", "logements", 0, 48)),
  ]),
  ("Prévenir les évictions", [
    ("Ateliers « Connaître ses droits »", "Habitation", "Social", "logement", ["biblio"], "Comité logement", "2025-02-01", "2025-12-15", "Done", 100, [2], [(0,8000,"Received")], ("Participants aux ateliers", "personnes", 0, 150)),
 ])]),
 ("B", [("Nourrir tout le monde, dignement", [
    ("Épicerie solidaire à prix réduits", "Sécurité alimentaire", "Social", "chaudron", ["caisse","ciusss"], "Comité sécurité alimentaire", "2025-04-01", "2027-12-31", "InProgress", 60, [8], [(0,65000,"Received"),(2,30000,"Granted"),(4,10000,"Received")], ("Ménages membres", "ménages", 40, 400)),
    ("Marché public du samedi au parc", "Sécurité alimentaire", "Both", "chaudron", ["sdc","arr"], "Comité sécurité alimentaire", "2025-05-01", "2025-10-31", "Done", 100, [5], [(1,12000,"Received"),(4,3000,"Received")], ("Visites du marché", "visites", 0, 6000)),
    ("Cuisines collectives dans les écoles", "Sécurité alimentaire", "Social", "chaudron", ["ecole","escale"], "Comité sécurité alimentaire", "2025-09-01", "2026-06-30", "InProgress", 45, [6], [(2,22000,"Granted")], None),
    ("Frigo partagé au centre communautaire", "Sécurité alimentaire", "Both", "escale", ["chaudron"], "Comité sécurité alimentaire", "2025-03-01", "2025-08-31", "InProgress", 80, [7], [(4,4000,"Received")], None),
  ]),
  ("Cultiver en ville", [
    ("Jardins collectifs sur les toits", "Sécurité alimentaire", "Ecological", "ruelles", ["chaudron","arr"], "Comité verdissement", "2026-04-01", "2027-10-31", "Planned", 0, [9], [(3,35000,"Requested"),(1,20000,"Requested")], ("Bacs cultivés", "bacs", 0, 120)),
 ])]),
 ("C", [("Rafraîchir le quartier", [
    ("Verdir dix ruelles", "Environnement", "Ecological", "ruelles", ["arr"], "Comité verdissement", "2025-04-01", "2027-10-31", "InProgress", 40, [11], [(1,90000,"Granted"),(3,25000,"Received")], ("Ruelles vertes", "ruelles", 2, 12)),
    ("Planter 500 arbres dans le secteur est", "Environnement", "Ecological", "arr", ["ruelles","ecole"], "Comité verdissement", "2025-05-01", "2028-06-30", "InProgress", 30, [12], [(1,150000,"Granted")], ("Arbres plantés", "arbres", 0, 500)),
    ("Îlots de fraîcheur pour les canicules", "Environnement", "Both", "ciusss", ["arr","aines"], "Comité verdissement", "2025-06-01", "2026-08-31", "Suspended", 25, [13], [(2,40000,"Granted")], None),
  ]),
  ("Réduire les déchets", [
    ("Café-réparation mensuel", "Environnement", "Ecological", "culture", ["biblio"], "Comité verdissement", "2025-02-01", "2026-12-31", "InProgress", 75, [15], [(4,6000,"Received")], ("Objets réparés", "objets", 0, 800)),
    ("Bacs de compost dans les immeubles", "Environnement", "Ecological", "arr", ["logement"], "Comité verdissement", "2025-09-01", "2026-09-30", "Cancelled", 10, [14], [(1,30000,"Requested")], None),
 ])]),
 ("D", [("Se déplacer en sécurité", [
    ("Traverses sécuritaires près des écoles", "Transport et mobilité", "Social", "arr", ["ecole"], "Comité mobilité", "2025-04-01", "2026-11-15", "InProgress", 60, [16], [(1,180000,"Granted")], ("Traverses aménagées", "traverses", 0, 8)),
    ("Piste cyclable sur la rue Principale", "Transport et mobilité", "Ecological", "arr", ["sdc"], "Comité mobilité", "2026-03-01", "2027-11-30", "Planned", 0, [17], [(1,400000,"Requested")], None),
    ("Bancs pour les aînés le long des trottoirs", "Transport et mobilité", "Social", "aines", ["arr"], "Comité mobilité", "2025-05-01", "2025-11-30", "Done", 100, [18], [(1,15000,"Received")], None),
 ])]),
 ("E", [("Soutenir la réussite des jeunes", [
    ("Aide aux devoirs gratuite", "Réussite éducative", "Social", "escale", ["ecole","biblio"], "Comité réussite éducative", "2025-01-15", "2027-06-30", "InProgress", 65, [21], [(0,38000,"Received"),(5,12000,"Granted")], ("Jeunes inscrits", "jeunes", 20, 120)),
    ("Activités parascolaires 12-17 ans", "Réussite éducative", "Social", "escale", ["culture"], "Comité réussite éducative", "2025-09-01", "2026-06-30", "InProgress", 50, [22], [(0,20000,"Granted"),(4,4000,"Received")], None),
    ("Accueil des parents nouvellement arrivés", "Réussite éducative", "Social", "ecole", ["biblio","ciusss"], "Comité réussite éducative", "2026-01-10", "2027-06-30", "Planned", 10, [23], [(2,25000,"Requested")], None),
 ])]),
 ("F", [("Briser l'isolement", [
    ("Lieu de rencontre pour les aînés isolés", "Vie communautaire", "Social", "aines", ["ciusss","culture"], "Comité vie de quartier", "2025-03-01", "2027-03-31", "InProgress", 50, [26], [(0,30000,"Received"),(2,18000,"Granted")], ("Aînés rejoints", "personnes", 0, 200)),
    ("Fête de quartier estivale", "Vie communautaire", "Both", "culture", ["sdc","escale","arr"], "Comité vie de quartier", "2025-05-01", "2025-08-31", "Done", 100, [25], [(1,10000,"Received"),(4,5000,"Received")], None),
    ("Répertoire des ressources en plusieurs langues", "Vie communautaire", "Social", "biblio", ["ciusss"], "Comité vie de quartier", "2025-10-01", "2026-05-31", "InProgress", 40, [27], [(0,9000,"Granted")], None),
    ("Cafés-rencontres interculturels", "Vie communautaire", "Social", "culture", ["biblio","aines"], "Comité vie de quartier", "2025-04-01", "2026-12-31", "InProgress", 70, [29], [(0,7000,"Received")], None),
 ])]),
]
TEXTS = ["Rencontre du comité : le calendrier est confirmé.", "Premier bilan partagé avec les partenaires.", "Recrutement de bénévoles terminé.",
 "Une demande de financement complémentaire est déposée.", "Les inscriptions dépassent nos attentes.", "Retard dû à un délai de livraison du matériel.",
 "Visite du site avec l'arrondissement.", "Atelier tenu avec une trentaine de personnes.", "Nous avons ajusté l'horaire pour rejoindre les familles.",
 "Bilan de mi-parcours présenté à la table.", "Nouvelle entente signée avec un partenaire.", "Sondage auprès des participantes et participants : 87 % satisfaits.",
 "La météo a forcé un report d'une semaine.", "Formation des animatrices et animateurs complétée.", "Le local est aménagé et accessible."]
d = lambda s: datetime.date.fromisoformat(s)
TODAY = datetime.date(2026, 11, 30)
priorities=[]; n_journal=0
for opt, objectives in P:
    objs=[]
    for otitle, actions in objectives:
        acts=[]
        for (title, theme, tag, lead, partners, group, start, end, status, progress, ideas, funding, indicator) in actions:
            s, e = d(start), d(end)
            span=(e-s).days
            ms=[]
            for k, frac in enumerate([0.25, 0.55, 0.9]):
                due = s + datetime.timedelta(days=int(span*frac))
                done = status=="Done" or (due < TODAY and random.random() < 0.88 and status!="Suspended")
                ms.append({"title": ["Lancement","Bilan d'étape","Bilan final"][k], "due": due.isoformat(), "done": done})
            ind=None
            if indicator:
                label, unit, base, target = indicator
                vals=[]; cur=base
                t=s+datetime.timedelta(days=60)
                while t < min(TODAY, e) and len(vals)<6:
                    cur = cur + (target-base)*progress/100/4
                    vals.append({"on": t.isoformat(), "value": round(cur)})
                    t += datetime.timedelta(days=120)
                ind={"label":label,"unit":unit,"baseline":base,"target":target,"values":vals}
            journal=[]
            author = AUTH.get(lead, COORD)
            t0 = max(s, d("2025-01-06")); t1 = min(TODAY, e + datetime.timedelta(days=20))
            count = 0 if status=="Planned" and s > TODAY else (4 if status in ("InProgress","Done") else 2)
            for k in range(count):
                if t1 <= t0: break
                on = t0 + datetime.timedelta(days=int((t1-t0).days*(k+1)/(count+1)))
                entry={"on": on.isoformat(), "author": author, "text": random.choice(TEXTS)}
                if k==0 and status!="Planned": entry["status"]="InProgress"
                if k==count-1: entry["progress"]=progress
                if k==count-1 and status in ("Done","Suspended","Cancelled"): entry["status"]=status
                journal.append(entry)
            # partners write too
            for p in partners:
                if p in AUTH and status!="Planned" and s < TODAY:
                    on = s + datetime.timedelta(days=45)
                    if on < TODAY:
                        journal.append({"on": on.isoformat(), "author": AUTH[p], "text": "Notre organisme a pris part : " + random.choice(TEXTS[:6]).lower()})
            n_journal += len(journal)
            acts.append({"title":title,"description":"","theme":theme,"tag":tag,"lead":ORG[lead],"partners":[ORG[p] for p in partners],
                "workingGroup":group,"start":start,"end":end,"status":status,"progress":progress,"ideas":ideas,
                "funding":[{"funder":F[i],"amount":a,"status":st} for i,a,st in funding],"milestones":ms,"indicators":[ind] if ind else [],"journal":journal})
        objs.append({"title":otitle,"actions":acts})
    priorities.append({"option":opt,"objectives":objs})
plan={"_note":"Fictional. The action plan of the cycle « Plan de quartier 2025-2028 » of the sample table; loaded with it (Features/ActionPlan/SamplePlanLoader).",
 "table":"tilleuls","cycle":"Plan de quartier 2025-2028","published":True,"showBudgets":False,
 "ballot":"Quelles 6 priorités pour le plan de quartier 2025-2028 ?",
 "optionIdeas":{"A":0,"B":8,"C":13,"D":16,"E":21,"F":26,"G":32,"H":35,"I":37},
 "priorities":priorities}
json.dump(plan, open(__file__.replace('make-plan.py','tilleuls-2025-2028.json'),'w'), ensure_ascii=False, indent=1)
print(sum(len(o["actions"]) for p in priorities for o in p["objectives"]), "actions", n_journal, "journal")
