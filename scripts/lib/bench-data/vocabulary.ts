/** Fixed word lists the bench data set draws from, so that a seed always gives the same people and shops. */

export const FIRST_NAMES = [
  "Aarav", "Aditi", "Aditya", "Akash", "Ananya", "Anil", "Anita", "Anjali", "Arjun", "Asha", "Deepak", "Deepika", "Divya", "Gaurav",
  "Geeta", "Harish", "Isha", "Kavya", "Kiran", "Krishna", "Lakshmi", "Manish", "Meera", "Mohan", "Neha", "Nikhil", "Nisha", "Pooja",
  "Pradeep", "Priya", "Rahul", "Rajesh", "Ramesh", "Ravi", "Riya", "Rohan", "Sachin", "Sanjay", "Sarita", "Shreya", "Sneha", "Sunil",
  "Sunita", "Suresh", "Swati", "Tanvi", "Varun", "Vijay", "Vikram", "Vinod", "Yash", "Zara", "Farhan", "Imran", "Ayesha", "Gurpreet",
  "Harpreet", "Joseph", "Mary", "Thomas",
] as const;

export const LAST_NAMES = [
  "Agarwal", "Bhat", "Banerjee", "Chopra", "Das", "Desai", "Dutta", "Gupta", "Iyer", "Jain", "Joshi", "Kapoor", "Khan", "Kulkarni",
  "Kumar", "Malhotra", "Menon", "Mehta", "Mishra", "Mukherjee", "Nair", "Pandey", "Patel", "Pillai", "Rao", "Reddy", "Saxena",
  "Shah", "Sharma", "Shetty", "Singh", "Sinha", "Srinivasan", "Trivedi", "Verma", "Yadav", "Chatterjee", "Ghosh", "Naidu", "Kaur",
  "Fernandes", "D'Souza", "Qureshi", "Bose", "Hegde", "Thakur", "Chauhan", "Pathak", "Tiwari", "Varghese",
] as const;

export const EMAIL_DOMAINS = ["gmail.com", "yahoo.co.in", "outlook.com", "rediffmail.com", "hotmail.com", "icloud.com"] as const;

export const SEGMENTS = ["salaried", "self_employed", "student", "senior", "business"] as const;
export const CARDS = ["classic", "gold", "signature", "infinite", "debit"] as const;

/** Merchants: name, MCC and category, in parallel. */
export const MERCHANTS: readonly (readonly [string, string, string])[] = [
  ["BigBasket", "5411", "groceries"],
  ["Reliance Fresh", "5411", "groceries"],
  ["DMart", "5411", "groceries"],
  ["Swiggy", "5814", "dining"],
  ["Zomato", "5814", "dining"],
  ["Barbeque Nation", "5812", "dining"],
  ["Toit", "5812", "dining"],
  ["IndiGo", "4511", "travel"],
  ["Air India", "4511", "travel"],
  ["Taj Hotels", "7011", "travel"],
  ["MakeMyTrip", "4722", "travel"],
  ["Croma", "5732", "electronics"],
  ["Reliance Digital", "5732", "electronics"],
  ["Myntra", "5651", "apparel"],
  ["Lifestyle", "5651", "apparel"],
  ["Amazon.in", "5999", "shopping"],
  ["Flipkart", "5999", "shopping"],
  ["HP Petrol Pump", "5541", "fuel"],
  ["Indian Oil", "5541", "fuel"],
  ["Apollo Pharmacy", "5912", "health"],
];

export const CHANNELS = ["pos", "online", "contactless"] as const;
export const PROMOTIONS = ["Birthday bonus", "Festive bonus", "Referral bonus", "Anniversary bonus", "Survey reward"] as const;

/** A SQL array literal of text values, quoted. */
export function sqlTextArray(values: readonly string[]): string {
  return `array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")}]::text[]`;
}
