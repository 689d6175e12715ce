#!/usr/bin/env python3
"""Builds story-pairs.tsv, the labelled same-story set of `text story-eval` (see docs/text-core.md, "Story grouping").

Columns: label (1 same story, 0 different), kind, document A, document B. A document is either
  vtb:<split>:<i>,<j>,...[|fold][|replace=Old>New]...   sentences of UD Vietnamese-VTB (news, CC BY-SA 4.0) by their
      0-based position in the split's file, joined with spaces; 'fold' drops diacritics and case (a copy typed without
      them); 'replace' swaps a name or date everywhere. The treebank text itself is not copied here (share-alike):
      the bench reads it from --data (default /work/shared/data/segmentation).
  text:<text>   our own notices written from templates, filled with official ward and province names, or our own
      rewording of real news events (news-events.tsv, source address per event).
Deterministic (seed 2026): run again to get the same file.
"""
import json, random, re, unicodedata, pathlib

here = pathlib.Path(__file__).resolve().parent
data = pathlib.Path("/work/shared/data")
rng = random.Random(2026)

def fold(s):
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in s if unicodedata.category(c) != "Mn").lower()

units = json.load(open(data / "units/vn-units-2026-07-25.json", encoding="utf-8"))
level = {}
provinces = [p["Name"] for p in units]
communes = [w["Name"] for p in units for w in p["Wards"]]
for p in units:
    level[fold(p["Name"])] = "P"
    for w in p["Wards"]:
        level.setdefault(fold(w["Name"]), "C")

splits = {}
for split in ["train", "dev"]:
    splits[split] = [l[8:].strip() for l in open(data / f"segmentation/vi_vtb-ud-{split}.conllu", encoding="utf-8") if l.startswith("# text =")]

def spec(split, idx, *ops):
    return f"vtb:{split}:" + ",".join(map(str, idx)) + "".join("|" + o for o in ops)

def window(split, i, n=4):
    return list(range(i, i + n))

rows = []
def add(label, kind, a, b):
    rows.append((label, kind, a, b))

# --- Same story, real text: rewrites and excerpts of one article.
for split, count in [("train", 45), ("dev", 35)]:
    sents = splits[split]
    for i in rng.sample(range(len(sents) - 6), count):
        add(1, "vtb-overlap", spec(split, window(split, i)), spec(split, window(split, i + 1)))
for split, count in [("train", 20), ("dev", 20)]:
    sents = splits[split]
    for i in rng.sample(range(len(sents) - 6), count):
        idx = window(split, i)
        kept = [x for x in idx if x != idx[rng.randrange(1, 4)]]
        add(1, "vtb-copy-no-diacritics", spec(split, idx), spec(split, kept, "fold"))
for split, count in [("train", 20), ("dev", 20)]:
    sents = splits[split]
    for i in rng.sample(range(len(sents) - 6), count):
        idx = window(split, i)
        add(1, "vtb-reordered", spec(split, idx), spec(split, [idx[0], idx[3], idx[2]]))

# --- Different story, real text: the same article with its place or date changed (hard), and unrelated articles.
def name_runs(text):
    """Runs of 2-4 capitalised words (the names a gazetteer could know)."""
    words = text.split()
    for i in range(len(words)):
        for n in range(2, 5):
            run = words[i:i + n]
            if len(run) == n and all(w[0].isupper() and w.isalpha() for w in run):
                before = words[i - 1].lower() if i > 0 else ""
                yield " ".join(run), before

# A commune-level name counts as a place only after a place or location word (else it may be a person: "Thiện Nhân").
PLACE_CONTEXT = {"phường", "xã", "quận", "huyện", "tỉnh", "phố", "thị", "trấn", "xã", "đường", "tp", "ở", "tại", "về", "đến", "từ", "vùng", "khu", "cầu", "chợ", "sông"}
date_run = re.compile(r"\b(\d{1,2})([-/])(\d{1,2})\b")
for split in ["train", "dev"]:
    sents = splits[split]
    starts = list(range(0, len(sents) - 4))
    rng.shuffle(starts)
    used = set()
    for i in starts:
        idx = window(split, i)
        text = " ".join(sents[x] for x in idx)
        names = sorted({run for run, before in name_runs(text)
                        if level.get(fold(run)) == "P" or (level.get(fold(run)) == "C" and before in PLACE_CONTEXT)})
        if not names or any(x in used for x in idx):
            continue
        used.update(idx)
        swaps = []
        for name in sorted(names, key=len, reverse=True):
            pool = provinces if level[fold(name)] == "P" else communes
            other = rng.choice([p for p in pool if fold(p) != fold(name)])
            swaps.append(f"replace={name}>{other}")
        add(0, "vtb-other-place", spec(split, idx), spec(split, idx, *swaps))
    used = set()
    for i in starts:
        idx = window(split, i)
        text = " ".join(sents[x] for x in idx)
        m = date_run.search(text)
        if not m or any(x in used for x in idx) or not (1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(3)) <= 12):
            continue
        used.update(idx)
        day = (int(m.group(1)) + rng.randint(2, 9) - 1) % 28 + 1
        add(0, "vtb-other-date", spec(split, idx), spec(split, idx, f"replace={m.group(0)}>{day}{m.group(2)}{m.group(3)}"))
for _ in range(40):
    split = rng.choice(["train", "dev"])
    sents = splits[split]
    i = rng.randrange(len(sents) - 4)
    j = (i + rng.randrange(40, len(sents) - 50)) % (len(sents) - 4)
    add(0, "vtb-unrelated", spec(split, window(split, i)), spec(split, window(split, j)))

# --- Notices written from one template: same event in two wordings, or the same wording for another place or date.
TEMPLATES = {
    "flood": (
        "Mưa lớn kéo dài từ đêm {d}/{m} khiến nhiều tuyến đường ở phường {w}, {p} ngập sâu khoảng nửa mét, {n} hộ dân phải di dời tài sản lên cao. Lực lượng chức năng đã có mặt hỗ trợ người dân.",
        "Ngập sâu ở phường {w} sau mưa lớn: từ đêm {d}/{m}, nhiều tuyến đường ở phường {w} ({p}) ngập khoảng nửa mét, {n} hộ dân phải di dời tài sản; lực lượng chức năng đã có mặt hỗ trợ.",
    ),
    "outage": (
        "Điện lực {p} thông báo tạm ngừng cung cấp điện từ 7 giờ đến 17 giờ ngày {d}/{m} tại khu vực xã {w} để bảo dưỡng, sửa chữa lưới điện.",
        "Lịch cắt điện ngày {d}/{m}: khu vực xã {w}, {p} mất điện từ 7 giờ đến 17 giờ để điện lực bảo dưỡng, sửa chữa lưới điện.",
    ),
    "accident": (
        "Khoảng 6 giờ sáng {d}/{m}, trên quốc lộ 1 đoạn qua phường {w}, {p} xảy ra vụ tai nạn giao thông giữa xe tải và xe máy khiến {k} người bị thương, giao thông ùn tắc nhiều giờ.",
        "Tai nạn giữa xe tải và xe máy trên quốc lộ 1 đoạn qua phường {w} ({p}) sáng {d}/{m} khiến {k} người bị thương; giao thông qua khu vực ùn tắc nhiều giờ.",
    ),
    "landslide": (
        "Mưa lớn ngày {d}/{m} gây sạt lở taluy dương trên tuyến đường liên xã qua xã {w}, {p}, khối lượng đất đá khoảng {n} m3 vùi lấp mặt đường, chính quyền đã cắm biển cảnh báo.",
        "Sạt lở đất đá khoảng {n} m3 vùi lấp đường liên xã qua xã {w} ({p}) ngày {d}/{m}; chính quyền xã đã cắm biển cảnh báo, khuyến cáo người dân không đi qua.",
    ),
    "weather": (
        "Dự báo thời tiết ngày {d}/{m}: {p} có mưa rào và dông rải rác, nhiệt độ thấp nhất 22 độ, cao nhất 29 độ, gió đông bắc cấp 3.",
        "Thời tiết {p} ngày {d}/{m} có mưa rào và dông rải rác; nhiệt độ từ 22 đến 29 độ, gió đông bắc cấp 3, vùng núi đề phòng lũ quét.",
    ),
    "water": (
        "Công ty cấp nước thông báo ngưng cung cấp nước sạch từ 22 giờ ngày {d}/{m} đến 4 giờ sáng hôm sau tại phường {w}, {p} để đấu nối đường ống mới.",
        "Phường {w} ({p}) sẽ bị ngưng cấp nước sạch từ 22 giờ ngày {d}/{m} đến 4 giờ sáng hôm sau do công ty cấp nước đấu nối đường ống mới.",
    ),
    "vaccination": (
        "Trạm y tế phường {w}, {p} tổ chức tiêm vắc xin sởi miễn phí cho trẻ từ 1 đến 5 tuổi vào sáng {d}/{m}, phụ huynh mang theo sổ tiêm chủng.",
        "Sáng {d}/{m}, trạm y tế phường {w} ({p}) tiêm vắc xin sởi miễn phí cho trẻ từ 1 đến 5 tuổi; phụ huynh nhớ mang theo sổ tiêm chủng.",
    ),
    "fuel-price": (
        "Từ 15 giờ ngày {d}/{m}, giá xăng RON 95 giảm {c} đồng mỗi lít, xuống còn {v} đồng mỗi lít; giá dầu diesel giữ nguyên, liên bộ Công Thương và Tài chính cho biết.",
        "Liên bộ Công Thương và Tài chính điều chỉnh giá xăng từ 15 giờ ngày {d}/{m}: xăng RON 95 giảm {c} đồng mỗi lít, còn {v} đồng mỗi lít; dầu diesel giữ nguyên.",
    ),
}

def event(province):
    wards = [w["Name"] for w in province["Wards"]]
    return {
        "w": rng.choice(wards), "p": province["Name"], "d": rng.randint(1, 28), "m": rng.randint(1, 12),
        "n": rng.randint(20, 400), "k": rng.randint(2, 6), "c": rng.choice([210, 320, 450, 560, 630, 780]),
        "v": f"{rng.randint(19, 24)}.{rng.randint(0, 9)}{rng.randint(0, 9)}0",
    }

def fill(template, e):
    return "text:" + template.format(**e)

for kind, (first, second) in TEMPLATES.items():
    for _ in range(6):
        province = rng.choice(units)
        e = event(province)
        add(1, f"template-{kind}-same-event", fill(first, e), fill(second, e))
        other_place = dict(e, w=rng.choice([w["Name"] for w in province["Wards"] if w["Name"] != e["w"]]))
        if kind == "weather":
            other_place["p"] = rng.choice([p for p in provinces if p != e["p"]])
        if kind == "fuel-price":
            other_place = dict(e, d=(e["d"] + 10) % 28 + 1, c=rng.choice([100, 150, 880]), v="20.990")
        add(0, f"template-{kind}-other-place", fill(first, e), fill(first, other_place))
        if kind != "fuel-price":
            add(0, f"template-{kind}-other-place-reworded", fill(first, e), fill(second, other_place))
    for _ in range(4):
        e = event(rng.choice(units))
        other_day = dict(e, d=(e["d"] + rng.randint(1, 20)) % 28 + 1)
        if kind == "fuel-price":
            other_day["v"] = "21.490"
        add(0, f"template-{kind}-other-date", fill(first, e), fill(first, other_day))

# --- Real news events (news-events.tsv): each reported twice in our own words from a public article (the source
# column), A in one newsroom's house style shared by every event of its kind, B as another outlet would write it.
# Same story: A and B of one event. Different (hard negatives): two events of the same kind (flooding, accidents,
# landslides, fires, fuel prices) in other places or on other dates, A with A (same house style) and A with B.
import csv
events = list(csv.DictReader(open(here / "news-events.tsv", encoding="utf-8"), delimiter="\t"))
for e in events:
    add(1, f"news-{e['kind']}-same-event", "text:" + e["A"], "text:" + e["B"])
for i, e in enumerate(events):
    for f in events[i + 1:]:
        if e["kind"] != f["kind"]:
            continue
        add(0, f"news-{e['kind']}-other-event", "text:" + e["A"], "text:" + f["A"])
        add(0, f"news-{e['kind']}-other-event-reworded", "text:" + e["A"], "text:" + f["B"])
        add(0, f"news-{e['kind']}-other-event-reworded", "text:" + f["A"], "text:" + e["B"])

with open(here / "story-pairs.tsv", "w", encoding="utf-8") as out:
    out.write("label\tkind\ta\tb\n")
    for label, kind, a, b in rows:
        assert "\t" not in a + b and "\n" not in a + b
        out.write(f"{label}\t{kind}\t{a}\t{b}\n")
import collections
print(len(rows), collections.Counter(r[0] for r in rows), collections.Counter(r[1].split("-")[0] + ":" + str(r[0]) for r in rows))
