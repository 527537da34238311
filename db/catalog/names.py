"""Hand-kept name lists for db/catalog/build.py (run by hand; nothing reads this at run time).

Strong and FitNotes ship no public list file: these are their default library names as their CSV
exports write them (names are facts), gathered from public export samples and parsers.
"""

# Strong's default library ("Name (Equipment)", as in Strong CSV exports).
STRONG = """
Ab Wheel|Arnold Press (Dumbbell)|Around the World|Back Extension|Back Extension (Machine)
Ball Slams|Battle Ropes|Bench Dip|Bench Press (Barbell)|Bench Press (Cable)|Bench Press (Dumbbell)
Bench Press (Smith Machine)|Bench Press - Close Grip (Barbell)|Bench Press - Wide Grip (Barbell)
Bent Over One Arm Row (Dumbbell)|Bent Over Row (Band)|Bent Over Row (Barbell)
Bent Over Row (Dumbbell)|Bent Over Row - Underhand (Barbell)|Bicep Curl (Barbell)
Bicep Curl (Cable)|Bicep Curl (Dumbbell)|Bicep Curl (Machine)|Bicycle Crunch|Box Jump
Box Squat (Barbell)|Bulgarian Split Squat|Burpee|Cable Crossover|Cable Crunch|Cable Kickback
Cable Pull Through|Cable Twist|Calf Press on Leg Press|Calf Press on Seated Leg Press|Chest Dip
Chest Dip (Assisted)|Chest Fly|Chest Fly (Band)|Chest Fly (Dumbbell)|Chest Press (Machine)|Chin Up
Chin Up (Assisted)|Clean (Barbell)|Clean and Jerk (Barbell)|Concentration Curl (Dumbbell)
Cross Body Crunch|Crunch|Crunch (Machine)|Crunch (Stability Ball)|Cycling|Cycling (Indoor)
Deadlift (Band)|Deadlift (Barbell)|Deadlift (Dumbbell)|Deadlift (Smith Machine)
Deadlift High Pull (Barbell)|Decline Bench Press (Barbell)|Decline Bench Press (Dumbbell)
Decline Bench Press (Smith Machine)|Decline Crunch|Deficit Deadlift (Barbell)|Elliptical Machine
Face Pull (Cable)|Flat Knee Raise|Flat Leg Raise|Floor Press (Barbell)|Front Raise (Band)
Front Raise (Barbell)|Front Raise (Cable)|Front Raise (Dumbbell)|Front Raise (Plate)
Front Squat (Barbell)|Glute Ham Raise|Glute Kickback (Machine)|Goblet Squat (Kettlebell)
Good Morning (Barbell)|Hack Squat|Hammer Curl (Band)|Hammer Curl (Cable)|Hammer Curl (Dumbbell)
Handstand Push Up|Hang Clean (Kettlebell)|Hang Snatch|Hanging Knee Raise|Hanging Leg Raise
High Knee Skips|Hiking|Hip Abductor (Machine)|Hip Adductor (Machine)|Hip Thrust (Barbell)
Hip Thrust (Bodyweight)|Incline Bench Press (Barbell)|Incline Bench Press (Dumbbell)
Incline Bench Press (Smith Machine)|Incline Chest Fly (Dumbbell)|Incline Chest Press (Machine)
Incline Curl (Dumbbell)|Incline Row (Dumbbell)|Inverted Row (Bodyweight)
Iso-Lateral Chest Press (Machine)|Iso-Lateral Row (Machine)|Jackknife Sit Up|Jump Rope|Jump Shrug
Jump Squat|Jumping Jack|Kettlebell Swing|Kettlebell Turkish Get Up|Kipping Pull Up
Knee Raise (Captain's Chair)|Kneeling Pulldown (Band)|Knees to Elbows|Lat Pulldown (Cable)
Lat Pulldown (Machine)|Lat Pulldown (Single Arm)|Lat Pulldown - Underhand (Cable)
Lat Pulldown - Wide Grip (Cable)|Lateral Box Jump|Lateral Raise (Band)|Lateral Raise (Cable)
Lateral Raise (Dumbbell)|Lateral Raise (Machine)|Leg Extension (Machine)|Leg Press|Lunge (Barbell)
Lunge (Bodyweight)|Lunge (Dumbbell)|Lying Leg Curl (Machine)|Mountain Climber|Muscle Up
Oblique Crunch|Overhead Press (Barbell)|Overhead Press (Cable)|Overhead Press (Dumbbell)
Overhead Press (Smith Machine)|Overhead Squat (Barbell)|Pec Deck (Machine)|Pendlay Row (Barbell)
Pistol Squat|Plank|Power Clean|Power Snatch|Preacher Curl (Barbell)|Preacher Curl (Dumbbell)
Preacher Curl (Machine)|Press Under|Pull Up|Pull Up (Assisted)|Pull Up (Band)|Pullover (Dumbbell)
Pullover (Machine)|Push Press|Push Up|Push Up (Knees)|Rack Pull|Reverse Crunch|Reverse Curl (Band)
Reverse Curl (Barbell)|Reverse Curl (Dumbbell)|Reverse Fly (Cable)|Reverse Fly (Dumbbell)
Reverse Fly (Machine)|Reverse Grip Concentration Curl (Dumbbell)|Reverse Plank|Ring Dip
Rowing (Machine)|Running|Running (Treadmill)|Russian Twist|Seated Calf Raise (Machine)
Seated Calf Raise (Plate Loaded)|Seated Leg Curl (Machine)|Seated Leg Press (Machine)
Seated Overhead Press (Barbell)|Seated Overhead Press (Dumbbell)
Seated Palms Up Wrist Curl (Dumbbell)|Seated Row (Cable)|Seated Row (Machine)
Seated Wide-Grip Row (Cable)|Shoulder Press (Machine)|Shoulder Press (Plate Loaded)
Shrug (Barbell)|Shrug (Dumbbell)|Shrug (Machine)|Shrug (Smith Machine)|Side Bend (Band)
Side Bend (Cable)|Side Bend (Dumbbell)|Side Plank|Single Leg Bridge|Sit Up|Skullcrusher (Barbell)
Skullcrusher (Dumbbell)|Snatch (Barbell)|Snatch Pull (Barbell)|Split Jerk (Barbell)|Squat (Band)
Squat (Barbell)|Squat (Bodyweight)|Squat (Dumbbell)|Squat (Machine)|Squat (Smith Machine)
Squat Row (Band)|Standing Calf Raise (Barbell)|Standing Calf Raise (Bodyweight)
Standing Calf Raise (Dumbbell)|Standing Calf Raise (Machine)|Standing Calf Raise (Smith Machine)
Step-up|Stiff Leg Deadlift (Barbell)|Stiff Leg Deadlift (Dumbbell)|Straight Leg Deadlift (Band)
Stretching|Strict Military Press (Barbell)|Sumo Deadlift (Barbell)
Sumo Deadlift High Pull (Barbell)|Superman|Swimming|T Bar Row|Thruster (Barbell)
Thruster (Kettlebell)|Toes To Bar|Torso Rotation (Machine)|Trap Bar Deadlift|Triceps Dip
Triceps Dip (Assisted)|Triceps Extension|Triceps Extension (Barbell)|Triceps Extension (Cable)
Triceps Extension (Dumbbell)|Triceps Extension (Machine)|Triceps Pushdown (Cable - Straight Bar)
Upright Row (Barbell)|Upright Row (Cable)|Upright Row (Dumbbell)|V Up|Walking|Wide Pull Up
Wrist Roller|Yoga|Zercher Squat (Barbell)|Romanian Deadlift (Barbell)|Romanian Deadlift (Dumbbell)
Seated Leg Press (Machine)|Chest Supported Incline Row (Dumbbell)|Single Arm Lat Pulldown
Goblet Squat (Dumbbell)
"""

# FitNotes' default exercise library (FitNotes names exercises without an equipment suffix).
FITNOTES = """
Flat Barbell Bench Press|Incline Barbell Bench Press|Decline Barbell Bench Press
Flat Dumbbell Bench Press|Incline Dumbbell Bench Press|Decline Dumbbell Bench Press
Flat Dumbbell Fly|Incline Dumbbell Fly|Cable Crossover|Incline Hammer Strength Chest Press
Machine Chest Press|Pec Deck|Chest Dip|Push Up|Barbell Row|Dumbbell Row|Seated Cable Row
Lat Pulldown|Pull Up|Chin Up|Deadlift|Rack Pull|Hammer Strength Row|T-Bar Row|Good Morning
Hyperextension|Barbell Shrug|Dumbbell Shrug|Overhead Press|Seated Dumbbell Press
Arnold Dumbbell Press|Dumbbell Lateral Raise|Cable Lateral Raise|Front Dumbbell Raise
Rear Delt Dumbbell Raise|Rear Delt Machine Fly|Face Pull|Cable Face Pull|Upright Barbell Row
Push Press|Smith Machine Overhead Press|Barbell Squat|Front Squat|Leg Press|Hack Squat
Leg Extension Machine|Lying Leg Curl Machine|Seated Leg Curl Machine|Romanian Deadlift
Stiff-Legged Deadlift|Sumo Deadlift|Barbell Lunge|Dumbbell Lunge|Bulgarian Split Squat
Goblet Squat|Dumbbell Step Up|Barbell Hip Thrust|Barbell Glute Bridge|Standing Calf Raise Machine
Seated Calf Raise Machine|Donkey Calf Raise|Barbell Curl|Dumbbell Curl|EZ-Bar Curl|Hammer Curl
Preacher Curl|Concentration Curl|Cable Curl|Close Grip Barbell Bench Press|Lying Triceps Extension
Cable Overhead Triceps Extension|Dumbbell Overhead Triceps Extension|Parallel Bar Triceps Dip
Ring Dip|Rope Push Down|V-Bar Push Down|Cable Crunch|Crunch|Crunch Machine|Hanging Knee Raise
Hanging Leg Raise|Plank|Side Plank|Ab-Wheel Rollout|Decline Crunch|Dragon Flag|Russian Twist
Barbell Wrist Curl|Nordic Hamstring Curl|Hip Abduction Machine|Hip Adduction Machine|Farmer's Walk
Running (Outdoor)|Running (Treadmill)|Cycling|Rowing Machine|Elliptical Trainer|Stationary Bike
Swimming|Walking|Smith Machine Squat|Smith Machine Bench Press|Machine Shoulder Press|Machine Row
Dumbbell Pullover|Straight-Arm Cable Pushdown|Kettlebell Swing|Chest Supported Dumbbell Row
"""

# German names (Strong's German app and common German gym names), keyed by an English catalog
# name the build resolves to a slug.
GERMAN = {
    "Squat (Barbell)": ["Kniebeuge (Langhantel)", "Kniebeuge", "Kniebeugen"],
    "Front Squat (Barbell)": ["Frontkniebeuge (Langhantel)", "Frontkniebeuge"],
    "Squat (Smith Machine)": ["Kniebeuge (Multipresse)"],
    "Squat (Dumbbell)": ["Kniebeuge (Kurzhantel)"],
    "Goblet Squat": ["Goblet Squat (Kurzhantel)", "Goblet-Kniebeuge"],
    "Deadlift (Barbell)": ["Kreuzheben (Langhantel)", "Kreuzheben"],
    "Deadlift (Dumbbell)": ["Kreuzheben (Kurzhantel)"],
    "Romanian Deadlift (Barbell)": [
        "Rumänisches Kreuzheben (Langhantel)",
        "Rumänisches Kreuzheben",
    ],
    "Romanian Deadlift (Dumbbell)": ["Rumänisches Kreuzheben (Kurzhantel)"],
    "Sumo Deadlift (Barbell)": ["Sumo-Kreuzheben (Langhantel)", "Sumo-Kreuzheben"],
    "Stiff Leg Deadlift (Barbell)": ["Kreuzheben mit gestreckten Beinen (Langhantel)"],
    "Bench Press (Barbell)": ["Bankdrücken (Langhantel)", "Bankdrücken"],
    "Bench Press (Dumbbell)": ["Bankdrücken (Kurzhantel)", "Kurzhantel-Bankdrücken"],
    "Bench Press (Smith Machine)": ["Bankdrücken (Multipresse)"],
    "Incline Bench Press (Barbell)": ["Schrägbankdrücken (Langhantel)", "Schrägbankdrücken"],
    "Incline Bench Press (Dumbbell)": ["Schrägbankdrücken (Kurzhantel)"],
    "Decline Bench Press (Barbell)": ["Negativbankdrücken (Langhantel)"],
    "Overhead Press (Barbell)": [
        "Schulterdrücken (Langhantel)",
        "Schulterdrücken",
        "Überkopfdrücken (Langhantel)",
        "Military Press (Langhantel)",
    ],
    "Overhead Press (Dumbbell)": ["Schulterdrücken (Kurzhantel)"],
    "Shoulder Press (Machine)": ["Schulterdrücken (Maschine)"],
    "Chest Press (Machine)": ["Brustpresse (Maschine)", "Brustpresse"],
    "Pull Up": ["Klimmzug", "Klimmzüge", "Klimmzug (Obergriff)"],
    "Pull Up (Assisted)": ["Klimmzug (unterstützt)"],
    "Chin Up": ["Klimmzug (Untergriff)", "Klimmzüge (Untergriff)"],
    "Bent Over Row (Barbell)": [
        "Rudern vorgebeugt (Langhantel)",
        "Langhantelrudern",
        "Rudern (Langhantel)",
    ],
    "Bent Over Row (Dumbbell)": ["Rudern einarmig (Kurzhantel)", "Kurzhantelrudern"],
    "Seated Row (Cable)": ["Rudern sitzend (Kabelzug)", "Rudern am Kabelzug", "Rudern"],
    "Seated Row (Machine)": ["Rudern (Maschine)"],
    "T Bar Row": ["T-Bar-Rudern"],
    "Lat Pulldown (Cable)": ["Latzug (Kabelzug)", "Latzug", "Latziehen"],
    "Lat Pulldown (Machine)": ["Latzug (Maschine)"],
    "Face Pull (Cable)": ["Face Pull (Kabelzug)"],
    "Reverse Fly (Machine)": ["Reverse Butterfly (Maschine)"],
    "Shrug (Barbell)": ["Schulterheben (Langhantel)", "Shrugs (Langhantel)"],
    "Shrug (Dumbbell)": ["Schulterheben (Kurzhantel)"],
    "Hip Thrust (Barbell)": ["Hip Thrust (Langhantel)", "Hüftstrecken (Langhantel)"],
    "Glute Bridge": ["Glute Bridge (Körpergewicht)", "Beckenheben"],
    "Good Morning (Barbell)": ["Good Morning (Langhantel)"],
    "Back Extension": ["Rückenstrecken", "Hyperextensions"],
    "Leg Press": ["Beinpresse", "Beinpresse (Maschine)"],
    "Leg Extension (Machine)": ["Beinstrecker (Maschine)", "Beinstrecker"],
    "Lying Leg Curl (Machine)": ["Beinbeuger liegend (Maschine)", "Beinbeuger"],
    "Seated Leg Curl (Machine)": ["Beinbeuger sitzend (Maschine)"],
    "Hack Squat": ["Hackenschmidt-Kniebeuge", "Hackenschmidt"],
    "Lunge (Dumbbell)": ["Ausfallschritt (Kurzhantel)", "Ausfallschritte (Kurzhantel)"],
    "Lunge (Bodyweight)": ["Ausfallschritt", "Ausfallschritte"],
    "Bulgarian Split Squat": ["Bulgarische Kniebeuge"],
    "Standing Calf Raise (Machine)": ["Wadenheben stehend (Maschine)", "Wadenheben"],
    "Seated Calf Raise (Machine)": ["Wadenheben sitzend (Maschine)"],
    "Push Up": ["Liegestütz", "Liegestütze"],
    "Chest Dip": ["Dips", "Barrenstütz"],
    "Chest Fly (Dumbbell)": ["Fliegende (Kurzhantel)"],
    "Cable Crossover": ["Fliegende (Kabelzug)", "Kabelziehen über Kreuz"],
    "Pec Deck (Machine)": ["Butterfly (Maschine)", "Butterfly"],
    "Bicep Curl (Barbell)": ["Bizepscurl (Langhantel)", "Bizeps-Curl (Langhantel)"],
    "Bicep Curl (Dumbbell)": ["Bizepscurl (Kurzhantel)", "Bizeps-Curl (Kurzhantel)"],
    "Hammer Curl (Dumbbell)": ["Hammercurl (Kurzhantel)"],
    "Triceps Pushdown (Cable - Straight Bar)": ["Trizepsdrücken (Kabelzug)"],
    "Skullcrusher (Barbell)": ["Stirndrücken (Langhantel)"],
    "Lateral Raise (Dumbbell)": ["Seitheben (Kurzhantel)", "Seitheben"],
    "Front Raise (Dumbbell)": ["Frontheben (Kurzhantel)"],
    "Crunch": ["Crunch (Körpergewicht)", "Bauchpresse"],
    "Plank": ["Unterarmstütz"],
    "Hanging Leg Raise": ["Beinheben hängend"],
    "Farmers Walk": ["Farmer's Walk (Kurzhantel)", "Bauerngang"],
    "Running": ["Laufen"],
    "Running (Treadmill)": ["Laufen (Laufband)", "Laufband"],
    "Rowing Machine": ["Rudergerät", "Rudern (Ergometer)"],
    "Cycling": ["Radfahren"],
}

# Names one app uses for an exercise another app already names (merged, not a new exercise).
SAME_AS = {
    "Barbell Curl": "Bicep Curl (Barbell)",
    "Dumbbell Curl": "Bicep Curl (Dumbbell)",
    "Cable Curl": "Bicep Curl (Cable)",
    "EZ-Bar Curl": "EZ Bar Biceps Curl",
    "Hammer Curl": "Hammer Curl (Dumbbell)",
    "Concentration Curl": "Concentration Curl (Dumbbell)",
    "Seated Dumbbell Press": "Seated Overhead Press (Dumbbell)",
    "Arnold Dumbbell Press": "Arnold Press (Dumbbell)",
    "Front Dumbbell Raise": "Front Raise (Dumbbell)",
    "Upright Barbell Row": "Upright Row (Barbell)",
    "Smith Machine Overhead Press": "Overhead Press (Smith Machine)",
    "Flat Dumbbell Fly": "Chest Fly (Dumbbell)",
    "Incline Dumbbell Fly": "Incline Chest Fly (Dumbbell)",
    "Machine Chest Press": "Chest Press (Machine)",
    "Pec Deck": "Pec Deck (Machine)",
    "Butterfly (Pec Deck)": "Pec Deck (Machine)",
    "Barbell Shrug": "Shrug (Barbell)",
    "Dumbbell Shrug": "Shrug (Dumbbell)",
    "Standing Calf Raise Machine": "Standing Calf Raise (Machine)",
    "Seated Calf Raise Machine": "Seated Calf Raise (Machine)",
    "Machine Shoulder Press": "Shoulder Press (Machine)",
    "Seated Shoulder Press (Machine)": "Shoulder Press (Machine)",
    "Shoulder Press (Dumbbell)": "Overhead Press (Dumbbell)",
    "Machine Row": "Seated Row (Machine)",
    "Dumbbell Pullover": "Pullover (Dumbbell)",
    "Stiff-Legged Deadlift": "Stiff Leg Deadlift (Barbell)",
    "Straight Leg Deadlift": "Stiff Leg Deadlift (Barbell)",
    "Hip Abduction (Machine)": "Hip Abductor (Machine)",
    "Hip Adduction (Machine)": "Hip Adductor (Machine)",
    "Hip Abduction Machine": "Hip Abductor (Machine)",
    "Hip Adduction Machine": "Hip Adductor (Machine)",
    "Crunch Machine": "Crunch (Machine)",
    "Incline Dumbbell Bench Press": "Incline Bench Press (Dumbbell)",
    "Decline Dumbbell Bench Press": "Decline Bench Press (Dumbbell)",
    "Decline Barbell Bench Press": "Decline Bench Press (Barbell)",
    "Close Grip Barbell Bench Press": "Bench Press - Close Grip (Barbell)",
    "Smith Machine Bench Press": "Bench Press (Smith Machine)",
    "Chest Supported Dumbbell Row": "Chest Supported Incline Row (Dumbbell)",
    "Running (Outdoor)": "Running",
    "Stationary Bike": "Cycling (Indoor)",
    "Elliptical Trainer": "Elliptical Machine",
    "Triceps Pushdown": "Triceps Pushdown (Cable - Straight Bar)",
    "Ab-Wheel Rollout": "Ab Wheel",
    "Lying Triceps Extension": "Skullcrusher (Barbell)",
    "Parallel Bar Triceps Dip": "Triceps Dip",
    "Ring Dips": "Ring Dip",
    "Treadmill": "Running (Treadmill)",
    "Rear Delt Dumbbell Raise": "Reverse Fly (Dumbbell)",
    "Incline Dumbbell Press": "Incline Bench Press (Dumbbell)",
    "Barbell Incline Bench Press - Medium Grip": "Incline Bench Press (Barbell)",
    "Barbell Bench Press - Medium Grip": "Bench Press (Barbell)",
    "Barbell Full Squat": "Squat (Barbell)",
    "Seated Cable Rows": "Seated Row (Cable)",
    "Standing Military Press": "Overhead Press (Barbell)",
    "Leg Extensions": "Leg Extension (Machine)",
    "Seated Leg Curl": "Seated Leg Curl (Machine)",
    "Lying Leg Curls": "Lying Leg Curl (Machine)",
}
