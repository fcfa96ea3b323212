# spdep's time for Gi* (localG on include.self, binary weights) plus p-values and p.adjust("BH") on the
# benchmark's rows x cols queen lattice, values from <values.csv>; writes z to <z.csv> for the agreement check.
# Usage: Rscript bench/hotspots-spdep.R <rows> <cols> <values.csv> <z.csv>
suppressPackageStartupMessages(library(spdep))
a <- commandArgs(TRUE)
x <- read.csv(a[3])$value
nb <- cell2nb(as.integer(a[1]), as.integer(a[2]), type = "queen")
lw <- nb2listw(include.self(nb), style = "B")
t <- system.time({
  z <- as.numeric(localG(x, lw))
  p <- 2 * pnorm(abs(z), lower.tail = FALSE)
  q <- p.adjust(p, "BH")
})[["elapsed"]]
cat(sprintf("%.4f\n", t))
writeLines(sprintf("%.17g", z), a[4])
