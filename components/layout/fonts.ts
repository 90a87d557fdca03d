import localFont from "next/font/local";

/** The Latin face of every root layout, from the installed package: nothing is fetched at build time. */
export const inter = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});
