import json, random, unicodedata
R=random.Random(5)
stories={
"lu-quangnam":"Mưa lớn kéo dài từ đêm 12/10 khiến nhiều tuyến đường tại huyện Đại Lộc, tỉnh Quảng Nam bị ngập sâu. Nước sông Vu Gia dâng cao, hơn 1.200 hộ dân phải sơ tân đến nơi an toàn. Ủy ban nhân dân tỉnh đã huy động lực lượng quân đội và dân quân hỗ trợ người dân di chuyển tài sản. Chính quyền địa phương cho biết chưa ghi nhận thiệt hại về người. Dự báo mưa còn tiếp diễn trong hai ngày tới.",
"lu-hatinh":"Sau hai ngày mưa lớn, nhiều xã ở huyện Hương Khê, tỉnh Hà Tĩnh bị chia cắt do nước lũ tràn qua ngầm tràn. Khoảng 300 hộ dân bị cô lập, lực lượng chức năng dùng thuyền tiếp tế lương thực và nước uống. Một cây cầu treo bị nước cuốn trôi, người dân phải đi đường vòng hơn 10 km. Tỉnh yêu cầu các địa phương không để người dân thiếu đói.",
"xang-tang":"Liên Bộ Công Thương và Tài chính vừa điều chỉnh giá xăng dầu trong kỳ điều hành chiều nay. Giá xăng RON 95 tăng 520 đồng mỗi lít, lên mức 21.450 đồng. Xăng E5 RON 92 tăng 480 đồng, lên 20.390 đồng mỗi lít. Giá dầu diesel giảm nhẹ 60 đồng. Cơ quan điều hành không trích lập quỹ bình ổn giá trong kỳ này.",
"dien-tang":"Tập đoàn Điện lực Việt Nam thông báo tăng giá bán lẻ điện bình quân thêm 4,8% từ ngày 11/10. Mức giá mới là 2.103 đồng mỗi kWh chưa gồm thuế. Theo EVN, việc điều chỉnh nhằm bù đắp một phần chi phí sản xuất tăng cao. Với hộ gia đình dùng 200 kWh mỗi tháng, tiền điện tăng thêm khoảng 18.000 đồng.",
"tainan-ql1":"Khoảng 5 giờ sáng nay, trên quốc lộ 1 đoạn qua xã Hòa Châu xảy ra vụ va chạm giữa xe khách và xe tải khiến 2 người tử vong, 7 người bị thương. Các nạn nhân được đưa đến bệnh viện đa khoa tỉnh cấp cứu. Vụ tai nạn làm giao thông ùn tắc hơn 3 km trong nhiều giờ. Công an tỉnh đang điều tra nguyên nhân.",
"tainan-deo":"Một xe chở khách du lịch mất lái lao xuống vực khi đang đổ đèo Bảo Lộc chiều qua. Trên xe có 25 hành khách, trong đó 4 người bị thương nặng. Lực lượng cứu hộ mất gần 2 giờ để đưa các nạn nhân lên đường. Theo tài xế, xe bị mất phanh khi xuống dốc. Cơ quan chức năng đã tạm giữ phương tiện để giám định.",
"vaccine":"Bộ Y tế cho biết sẽ triển khai tiêm bổ sung vắc xin sởi cho trẻ từ 1 đến 5 tuổi tại 18 tỉnh có nguy cơ cao. Chiến dịch bắt đầu từ đầu tháng 11 và kéo dài đến hết tháng 12. Phụ huynh được khuyến cáo đưa trẻ đến trạm y tế xã theo lịch thông báo. Vắc xin được cung cấp miễn phí.",
"tuyensinh":"Bộ Giáo dục và Đào tạo công bố dự thảo quy chế tuyển sinh đại học năm 2026 với nhiều điểm mới. Theo đó, các trường phải quy đổi điểm tương đương giữa các phương thức xét tuyển. Thí sinh được đăng ký nguyện vọng không giới hạn trên hệ thống chung. Việc xét tuyển sớm sẽ bị hạn chế để đảm bảo công bằng.",
"caotoc":"Dự án cao tốc Bắc Nam đoạn qua tỉnh Khánh Hòa đã hoàn thành 85% khối lượng và dự kiến thông xe vào tháng 12. Nhà thầu đang tăng ca để kịp tiến độ, huy động hơn 1.500 công nhân và 600 thiết bị. Chủ đầu tư cho biết khó khăn lớn nhất là nguồn vật liệu đắp nền. Khi hoàn thành, thời gian di chuyển từ Nha Trang đến Cam Lâm rút ngắn còn 30 phút.",
"lua-gia":"Giá lúa tại các tỉnh Đồng bằng sông Cửu Long tăng mạnh trong tuần qua, có nơi lên 8.500 đồng mỗi kg. Nông dân phấn khởi vì vụ thu đông được mùa, năng suất đạt 6 tấn mỗi ha. Các doanh nghiệp xuất khẩu gạo cho biết nhu cầu từ thị trường Philippines và Indonesia vẫn cao. Tuy nhiên giá phân bón cũng tăng khiến lợi nhuận chưa như kỳ vọng.",
"chay-chungcu":"Một vụ cháy xảy ra tại căn hộ tầng 12 của chung cư trên đường Lê Văn Lương vào tối qua. Hàng trăm cư dân được sơ tán khẩn cấp xuống sân. Lực lượng cảnh sát phòng cháy chữa cháy đã khống chế đám cháy sau khoảng 40 phút, không có thương vong. Nguyên nhân ban đầu được xác định do chập điện từ ổ cắm sạc xe đạp điện.",
"tin-gia":"Công an tỉnh vừa xử phạt một tài khoản mạng xã hội đăng tin sai sự thật về việc trường học cho học sinh nghỉ vì dịch bệnh. Thông tin này khiến nhiều phụ huynh hoang mang. Sở Giáo dục khẳng định các trường vẫn hoạt động bình thường. Người đăng tin đã gỡ bài và xin lỗi công khai.",
}
syn=[("cho biết","thông tin"),("người dân","bà con"),("tăng","tăng thêm"),("khoảng","chừng"),("đang","hiện đang"),("bị","đã bị"),("nhiều","hàng loạt"),("khẩn cấp","gấp"),("tỉnh","địa phương"),("hoàn thành","xong"),("dự kiến","theo kế hoạch sẽ")]
intros=["Theo phóng viên thường trú, ","Ghi nhận tại hiện trường cho thấy ","Thông tin từ cơ quan chức năng: ","Chiều nay, "]
tails=["Chúng tôi sẽ tiếp tục cập nhật thông tin.","Mời bạn đọc theo dõi các bản tin tiếp theo.","Vụ việc đang được dư luận quan tâm.",""]
def sents(t): return [s.strip()+"." for s in t.split(". ") if s.strip(". ")]
def rewrite(t, strength):
    ss=sents(t)
    ss=[s.rstrip(".")+"." for s in ss]
    if strength>=1 and len(ss)>3:
        i=R.randrange(1,len(ss)); ss.pop(i)
    if strength>=1:
        a=R.randrange(1,len(ss)); b=R.randrange(1,len(ss)); ss[a],ss[b]=ss[b],ss[a]
    out=" ".join(ss)
    for x,y in syn:
        if R.random()<0.5+0.2*strength: out=out.replace(x,y)
    out=R.choice(intros)+out[0].lower()+out[1:]+" "+R.choice(tails)
    if strength==2:
        out=unicodedata.normalize("NFC","".join(c for c in unicodedata.normalize("NFD",out) if unicodedata.category(c)!="Mn").replace("đ","d").replace("Đ","D"))
    return out.strip()
rows=[]
for key,text in stories.items():
    rows.append({"id":key+"-0","story":key,"text":text})
    for k,st in enumerate([0,1,1,2]):
        rows.append({"id":f"{key}-{k+1}","story":key,"text":rewrite(text,st)})
open("stories.jsonl","w",encoding="utf-8").write("\n".join(json.dumps(r,ensure_ascii=False) for r in rows)+"\n")
print(len(rows))
