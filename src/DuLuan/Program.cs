Console.WriteLine(DuLuan.Analysis.Text.VietnameseFold.Fold("Đà Nẵng"));
