/**
 * How a link in running text or a table cell looks: teal and always underlined (colour alone does
 * not tell a link from the text around it), the line thicker on hover.
 */
export const textLinkClasses =
  'text-teal-800 underline decoration-teal-800/40 underline-offset-2 hover:decoration-2 dark:text-teal-300 dark:decoration-teal-300/50';
