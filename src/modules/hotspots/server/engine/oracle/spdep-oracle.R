# The reference the hot-spot engine is tested against: R spdep on the same data.
# Usage: Rscript spdep-oracle.R <dir>; every sub-folder of <dir> is one case with values.csv and one of
#   polygons.geojson + rule.txt (queen|rook), coords.csv + k.txt, or neighbours.csv (0-based lists);
# writes out.csv there. Numbers are printed with 17 significant digits so nothing is lost in the text.
suppressPackageStartupMessages({ library(spdep); library(sf) })
root <- commandArgs(TRUE)[1]
num <- function(v) sprintf("%.17g", v)
for (dir in list.dirs(root, recursive = FALSE)) {
  x <- read.csv(file.path(dir, "values.csv"))$value
  if (file.exists(file.path(dir, "polygons.geojson"))) {
    pl <- st_read(file.path(dir, "polygons.geojson"), quiet = TRUE)
    st_crs(pl) <- NA # planar test coordinates: the plain bounding-box search of poly2nb
    nb <- poly2nb(pl, queen = readLines(file.path(dir, "rule.txt")) == "queen")
  } else if (file.exists(file.path(dir, "coords.csv"))) {
    xy <- as.matrix(read.csv(file.path(dir, "coords.csv")))
    nb <- knn2nb(knearneigh(xy, k = as.integer(readLines(file.path(dir, "k.txt")))))
  } else {
    lines <- readLines(file.path(dir, "neighbours.csv"))
    nb <- lapply(lines, function(l) if (nchar(l) == 0) 0L else sort(as.integer(strsplit(l, " ")[[1]]) + 1L))
    class(nb) <- "nb"
    attr(nb, "region.id") <- as.character(seq_along(nb))
  }
  g <- as.numeric(localG(x, nb2listw(include.self(nb), style = "B", zero.policy = TRUE), zero.policy = TRUE))
  gp <- 2 * pnorm(abs(g), lower.tail = FALSE)
  lm <- localmoran(x, nb2listw(nb, style = "W", zero.policy = TRUE), zero.policy = TRUE)
  out <- data.frame(
    nb = sapply(nb, function(v) paste(v[v > 0] - 1L, collapse = " ")),
    gi = num(g), gi_p = num(gp), gi_bh = num(p.adjust(gp, "BH")),
    ii = num(lm[, 1]), zi = num(lm[, 4]), pi = num(lm[, 5]), pi_bh = num(p.adjust(lm[, 5], "BH"))
  )
  write.csv(out, file.path(dir, "out.csv"), row.names = FALSE)
}
