/** How many custom attributes the console's enrolment form takes (the API takes any number). */
export const MAX_ATTRIBUTES = 10;
